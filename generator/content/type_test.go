package content

import (
	"strings"
	"testing"
)

func TestTypeTroubleshooter(t *testing.T) {
	doc, ok, msgs := parse(t, "---\nid: KB1\ntitle: T\ntype: troubleshooter\n---\n")
	if !ok || len(msgs) != 0 || doc.Meta.Type != TypeTroubleshooter {
		t.Fatalf("ok=%v msgs=%v type=%q", ok, msgs, doc.Meta.Type)
	}
	_, ok, msgs = parse(t, "---\nid: KB1\ntitle: T\ntype: wizard\n---\n")
	if ok || len(msgs) != 1 || !strings.HasPrefix(msgs[0], `content/x.md:4:7: type "wizard" is not known`) {
		t.Errorf("ok=%v msgs=%v", ok, msgs)
	}
}
