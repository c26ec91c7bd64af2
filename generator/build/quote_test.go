package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMessagesQuoteLongValuesShort: a megabyte-long link, alias or related
// ID is repeated in its message only in part.
func TestMessagesQuoteLongValuesShort(t *testing.T) {
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	os.MkdirAll(content, 0o755)
	long := strings.Repeat("x", 100_000)
	src := "---\nid: KB1\ntitle: T\nproducts: [p]\nrelated: [" + long + "]\naliases: [\"" + long + " y\"]\n---\n[a](kb:" + long + ") [b](#" + long + ")\n"
	os.WriteFile(filepath.Join(content, "a.md"), []byte(src), 0o644)
	res := buildInto(t, content, filepath.Join(dir, "public"))
	if len(res.Diagnostics) < 4 {
		t.Fatalf("want 4 problems, got %s", messages(res))
	}
	for _, d := range res.Diagnostics {
		if strings.Contains(d.Msg, "no display name") {
			continue
		}
		if len(d.Msg) > 600 || !strings.Contains(d.Msg, "…") {
			t.Errorf("%d-byte message: %.300s", len(d.Msg), d.Msg)
		}
	}
}
