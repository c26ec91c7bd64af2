package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFAQProblemsPointIntoTheYAML: a broken link in an FAQ answer or
// question is reported at its line and column in faq.yml, past the YAML
// indentation, also where the YAML packs one entry after another.
func TestFAQProblemsPointIntoTheYAML(t *testing.T) {
	content := filepath.Join(t.TempDir(), "content")
	os.MkdirAll(content, 0o755)
	faq := "### YamlMime:FAQ\ntitle: Questions\nsections:\n  - name: General\n    questions:\n" +
		"      - question: |\n         What is [it](nope.md)?\n        answer: |\n          The answer, see [one](missing-one.md).\n" +
		"      - question: Packed?\n        answer: Packed, see [two](missing-two.md).\n"
	if err := os.WriteFile(filepath.Join(content, "faq.yml"), []byte(faq), 0o644); err != nil {
		t.Fatal(err)
	}
	res := buildInto(t, content, filepath.Join(t.TempDir(), "public"), func(o *Options) { o.WarnLinks = true })
	msgs := messages(res)
	for _, want := range []string{
		`faq.yml:7:18: warning: broken link "nope.md"`,
		`faq.yml:9:27: warning: broken link "missing-one.md"`,
		`faq.yml:11:29: warning: broken link "missing-two.md"`,
	} {
		if !strings.Contains(msgs, want) {
			t.Errorf("want %s in:\n%s", want, msgs)
		}
	}
}
