package paths

import "testing"

func TestSourcePath(t *testing.T) {
	for in, want := range map[string]string{
		"windows-client/networking/diagnose-packet-loss.md": "windows-client/networking/diagnose-packet-loss.html",
		"Tutorials/GUI Apps.md":                             "tutorials/gui-apps.html",
		"faq.yml":                                           "faq.html",
		"a/b?c#d.md":                                        "a/b-c-d.html",
	} {
		if got := SourcePath(in); got != want {
			t.Errorf("SourcePath(%q) = %q, want %q", in, got, want)
		}
	}
}
