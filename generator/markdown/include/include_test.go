package include

import (
	"bytes"
	"testing"
)

// FuzzMayInclude: the quick check for includes agrees with lower-casing
// the whole body and searching it.
func FuzzMayInclude(f *testing.F) {
	for _, s := range []string{"", "[!", "x [!INCLUDE [a](b.md)]", "> [!NOTE]\n> [!include", "[!İnclude", "[!\u0130NCLUDE", "[!inclu", "[!NOTE] [!Include", "[!\xffinclude", "[![!include"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		if got, want := mayInclude(body), bytes.Contains(bytes.ToLower(body), []byte("[!include")); got != want {
			t.Errorf("mayInclude(%q) = %v, want %v", body, got, want)
		}
	})
}
