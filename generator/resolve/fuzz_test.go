package resolve

import (
	"strings"
	"testing"
)

// FuzzResolve: resolving any destination never panics, never leaves the
// content folder, and only yields paths of known pages or files.
func FuzzResolve(f *testing.F) {
	for _, s := range []string{
		"../network/kb310221.md#lan-settings", "kb:KB31022", "kb:", "#", "../../etc/passwd",
		"/etc/passwd", "..%2f..%2fetc", "C:\\x", "images/../../../x", "?q=1#a#b", "%zz", "kb:Q310221#",
	} {
		f.Add(s)
	}
	ix, seed := fixture()
	f.Fuzz(func(t *testing.T, dest string) {
		r, err := ix.Resolve(seed, dest)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error")
			}
			return
		}
		if strings.HasPrefix(r.Path, "..") || strings.HasPrefix(r.Path, "/") {
			t.Fatalf("%q resolved outside: %+v", dest, r)
		}
		if r.Path != "" && r.Path != "kb/kb307294.html" && r.Path != "kb/kb310221.html" && r.Path != "images/diagram.svg" {
			t.Fatalf("%q resolved to unknown %q", dest, r.Path)
		}
	})
}
