package suggest

import "testing"

// TestNeverSuggestsWhatWasTyped: a hint equal to the typed value, exactly
// or (for names matched ignoring case) in another case, is no help.
func TestNeverSuggestsWhatWasTyped(t *testing.T) {
	ids := []string{"KB310221", "KB310222", "Q1"}
	for typed, want := range map[string]string{
		"KB31022":  "KB310221",
		"kb310221": "KB310222", // KB310221 is what was typed
		"KB310221": "KB310222",
		"q1":       "",
		"Q1":       "",
	} {
		if got := Closest(typed, ids); got != want {
			t.Errorf("Closest(%q) = %q, want %q", typed, got, want)
		}
	}
	anchors := []string{"cause", "causes", "lan-settings"}
	for typed, want := range map[string]string{
		"Cause":        "cause", // anchors are case-sensitive: the case is the fix
		"cause":        "causes",
		"lan-setings":  "lan-settings",
		"lan-settings": "",
	} {
		if got := ClosestCased(typed, anchors); got != want {
			t.Errorf("ClosestCased(%q) = %q, want %q", typed, got, want)
		}
	}
}
