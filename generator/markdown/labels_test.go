package markdown

import "testing"

// TestLabelsIn: every label comes from its catalog key.
func TestLabelsIn(t *testing.T) {
	l := LabelsIn(func(key string) string { return "<" + key + ">" })
	if l.BackToTop != "<back_to_top>" || len(l.Callouts) != 9 || l.Callouts["escalate"] != "<callout_escalate>" {
		t.Errorf("got %+v", l)
	}
}
