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

// Every article has one article type: topic, else ms.topic, else
// troubleshooter for a troubleshooter, else none.
func TestArticleType(t *testing.T) {
	for _, c := range []struct{ fm, want string }{
		{"topic: How-to", "how-to"},
		{"topic: how-to\nms.topic: troubleshooting", "how-to"},
		{"ms.topic: troubleshooting", "troubleshooting"},
		{"type: troubleshooter", "troubleshooter"},
		{"type: troubleshooter\ntopic: tutorial", "tutorial"},
		{"", ""},
	} {
		doc, ok, msgs := parse(t, "---\nid: KB1\ntitle: T\n"+c.fm+"\n---\n")
		if !ok || len(msgs) != 0 || doc.Meta.Topic != c.want {
			t.Errorf("%q: ok=%v msgs=%v topic=%q, want %q", c.fm, ok, msgs, doc.Meta.Topic, c.want)
		}
	}
}
