package main

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestSearchQueryStartingWithMinus: "-nat firewall" is a query (firewall,
// without nat), not an unknown flag, and so is anything after "--".
func TestSearchQueryStartingWithMinus(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if code, _, stderr := kbsite("build", "--content", filepath.Join(repo, "content"), "--templates", filepath.Join(repo, "templates"), "--out", out); code != 0 {
		t.Fatal(stderr)
	}
	ids := func(args ...string) []string {
		t.Helper()
		code, stdout, stderr := kbsite(append([]string{"search", "--site", out, "--json", "--limit", "50"}, args...)...)
		if code != 0 {
			t.Fatalf("%q: exit %d %s", args, code, stderr)
		}
		var res []struct{ ID string }
		if err := json.Unmarshal([]byte(stdout), &res); err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range res {
			out = append(out, r.ID)
		}
		return out
	}
	all, withNAT := ids("firewall"), ids("firewall", "nat")
	var want []string
	for _, id := range all {
		if !slices.Contains(withNAT, id) {
			want = append(want, id)
		}
	}
	if len(want) == 0 || len(want) == len(all) {
		t.Fatalf("fixture no longer tells the queries apart: firewall %v, firewall nat %v", all, withNAT)
	}
	for _, args := range [][]string{{"-nat firewall"}, {"--", "-nat firewall"}, {"--", "-nat", "firewall"}, {"--limit", "50", "-nat firewall"}} {
		if got := ids(args...); !slices.Equal(got, want) {
			t.Errorf("%q: %v, want %v", args, got, want)
		}
	}
	if code, _, stderr := kbsite("search", "--site", out, "-nat"); code != 2 || !strings.Contains(stderr, "put -- before it") {
		t.Errorf("a lone -nat: exit %d %q, want a usage error with a hint", code, stderr)
	}
}

// TestSearchTypeFilter: --type keeps the articles of that article type
// (topic: in the bundled content), and --facets counts the matches by
// product and by type.
func TestSearchTypeFilter(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if code, _, stderr := kbsite("build", "--content", filepath.Join(repo, "content"), "--templates", filepath.Join(repo, "templates"), "--out", out); code != 0 {
		t.Fatal(stderr)
	}
	code, stdout, stderr := kbsite("search", "--site", out, "--json", "--facets", "--limit", "50", "--type", "how-to", "messenger")
	if code != 0 {
		t.Fatalf("exit %d %s", code, stderr)
	}
	var resp struct {
		Results []struct{ ID, Type string }
		Facets  struct {
			Types []struct {
				Slug  string
				Count int
			}
		}
	}
	if err := json.Unmarshal([]byte(stdout), &resp); err != nil {
		t.Fatal(err)
	}
	if len(resp.Results) < 3 {
		t.Fatalf("how-to articles about messenger: %+v", resp.Results)
	}
	for _, r := range resp.Results {
		if r.Type != "How-to guide" {
			t.Errorf("%s is of type %q", r.ID, r.Type)
		}
	}
	counts := map[string]int{}
	for _, f := range resp.Facets.Types {
		counts[f.Slug] = f.Count
	}
	if counts["how-to"] != len(resp.Results) || counts["troubleshooter"] == 0 || counts["troubleshooting"] == 0 {
		t.Errorf("type counts %v for %d how-to results", counts, len(resp.Results))
	}
	code, stdout, _ = kbsite("search", "--site", out, "--type", "troubleshooter", "--facets", "messenger")
	if code != 0 || !strings.Contains(stdout, "KB950100") || strings.Contains(stdout, "KB307294") || !strings.Contains(stdout, "By type: ") {
		t.Errorf("--type troubleshooter: exit %d\n%s", code, stdout)
	}
}
