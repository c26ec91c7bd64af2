package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kbsite/generator/diag"
)

func load(t *testing.T, yaml string) (Site, []string) {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, FileName), []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	dl := &diag.List{}
	s := Load(dir, dl)
	var msgs []string
	for _, d := range dl.Sorted() {
		msgs = append(msgs, strings.TrimPrefix(d.String(), filepath.Join(dir, FileName)))
	}
	return s, msgs
}

func TestSupportURL(t *testing.T) {
	for _, ok := range []string{"https://help.example.com/contact", "mailto:help@example.com"} {
		s, msgs := load(t, "title: T\nsupport_url: "+ok+"\n")
		if s.SupportURL != ok || len(msgs) != 0 {
			t.Errorf("%s: got %q, %v", ok, s.SupportURL, msgs)
		}
	}
	for _, bad := range []string{"javascript:alert(1)", "/contact", "https://"} {
		s, msgs := load(t, "title: T\nsupport_url: \""+bad+"\"\n")
		if s.SupportURL != "" || len(msgs) != 1 || !strings.HasPrefix(msgs[0], `:2:14: support_url`) {
			t.Errorf("%s: got %q, %v", bad, s.SupportURL, msgs)
		}
	}
}
