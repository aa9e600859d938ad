package all

import (
	"errors"
	"strings"
	"testing"

	"github.com/sluicedata/sluice/connectors"
)

// ResolveSchema reads a file source's schema from its first file; other connectors defer.
func TestResolveSchema(t *testing.T) {
	base := "../../cmd/sluice/testdata/acceptance/_data"
	for path, want := range map[string]string{
		"fmt01_input.parquet": "id BIGINT true,n INT true,name STRING false,temp DOUBLE true,ok BOOLEAN false,ts TIMESTAMP true",
		"fmt02_input.avro":    "id BIGINT true,n INT true,name STRING false,temp DOUBLE true,ok BOOLEAN false,ts TIMESTAMP true,tags ARRAY<STRING> true",
	} {
		format := strings.TrimPrefix(path[strings.LastIndex(path, "."):], ".")
		s, err := ResolveSchema("file", map[string]string{"path": path, "format": format}, base)
		if err != nil {
			t.Fatal(err)
		}
		var cols []string
		for _, f := range s.Fields {
			cols = append(cols, f.Name+" "+f.Type.String()+" "+map[bool]string{true: "true", false: "false"}[f.NotNull])
		}
		if got := strings.Join(cols, ","); got != want {
			t.Errorf("%s: %s, want %s", path, got, want)
		}
	}
	_, err := ResolveSchema("file", map[string]string{"path": "nope.parquet", "format": "parquet"}, base)
	if err == nil || !strings.Contains(err.Error(), "nope.parquet: no such file or directory") {
		t.Errorf("missing file: %v", err)
	}
	_, err = ResolveSchema("kafka", map[string]string{"format": "avro"}, base)
	if !errors.Is(err, connectors.ErrSchemaDeferred) {
		t.Errorf("kafka: %v", err)
	}
}
