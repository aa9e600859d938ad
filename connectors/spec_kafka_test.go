package connectors

import "testing"

func TestKafkaStart(t *testing.T) {
	cases := []struct{ v, want string }{
		{"earliest", ""},
		{"latest", ""},
		{"2026-11-25T10:00:00Z", ""},
		{"1764064800000", ""},
		{"0:100, 1:250", ""},
		{"0:100,x:1", "expected earliest, latest, a timestamp or offsets such as 0:100,1:250, found '0:100,x:1'"},
		{"0:-1", "expected earliest, latest, a timestamp or offsets such as 0:100,1:250, found '0:-1'"},
		{"soon", "expected earliest, latest, or a timestamp (RFC 3339 or epoch ms), found 'soon'"},
	}
	for _, c := range cases {
		if got := CheckKafkaStart(c.v); got != c.want {
			t.Errorf("CheckKafkaStart(%q) = %q, want %q", c.v, got, c.want)
		}
	}
	errs := KafkaSpec.Validate(map[string]string{"topic": "t", "start": "3:x"}, true)
	if len(errs) != 1 || errs[0].Option != "start" {
		t.Errorf("Validate start=3:x: %v", errs)
	}
	got, err := ParseKafkaOffsets("0:100, 2:7")
	if err != nil || len(got) != 2 || got[0] != 100 || got[2] != 7 {
		t.Errorf("ParseKafkaOffsets: %v %v", got, err)
	}
}
