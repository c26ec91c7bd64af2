package diag

import (
	"strings"
	"testing"
)

func TestQuoteCutsLongValues(t *testing.T) {
	if got := Quote(`a "b"`); got != `"a \"b\""` {
		t.Errorf("short value: %s", got)
	}
	exact := strings.Repeat("é", maxQuoted)
	if got := Quote(exact); got != `"`+exact+`"` {
		t.Errorf("a value of exactly %d characters was cut", maxQuoted)
	}
	long := strings.Repeat("é", 5000)
	got := Quote(long)
	if want := `"` + strings.Repeat("é", maxQuoted) + `…"`; got != want {
		t.Errorf("long value: %d bytes, want %d", len(got), len(want))
	}
}
