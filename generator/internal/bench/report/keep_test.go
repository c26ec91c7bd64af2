package report

import "testing"

// TestKeepSection: rewriting BENCHMARKS.md keeps the relevance section
// that make relevance wrote, before "How to run".
func TestKeepSection(t *testing.T) {
	old := "# B\n\n## Results\n\nold\n\n## Search relevance\n\ntable\n\n## How to run\n\nold run\n"
	md := "# B\n\n## Results\n\nnew\n\n## How to run\n\nrun\n"
	want := "# B\n\n## Results\n\nnew\n\n## Search relevance\n\ntable\n\n## How to run\n\nrun\n"
	if got := KeepSection(md, old, RelevanceHeading); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	old = "# B\n\n## Before and after\n\nby hand\n\n## Search relevance\n\ntable\n\n## How to run\n\nold run\n"
	want = "# B\n\n## Results\n\nnew\n\n## Before and after\n\nby hand\n\n## Search relevance\n\ntable\n\n## How to run\n\nrun\n"
	if got := KeepSection(KeepSection(md, old, HistoryHeading), old, RelevanceHeading); got != want {
		t.Errorf("both sections: got\n%s\nwant\n%s", got, want)
	}
	if got := KeepSection(md, "# B\n", RelevanceHeading); got != md {
		t.Errorf("no section to keep: got\n%s", got)
	}
}
