package export

import (
	"slices"
	"strings"
	"testing"

	"kbsite/generator/search/engine"
	"kbsite/generator/search/fields"
)

// techDocs is a small technical corpus where the ranking rules decide the
// first result: titles against long bodies, exact against stemmed, rare
// prefix completions, technical tokens and error codes.
func techDocs() []fields.Doc {
	doc := func(id, title, body string, headings ...string) fields.Doc {
		d := fields.Doc{ID: id, Title: title, URL: "kb/" + id + ".html", Source: id + ".md", Lang: "en",
			Sections: []fields.Section{{Text: body}}}
		for i, h := range headings {
			d.Sections = append(d.Sections, fields.Section{ID: "h" + string(rune('a'+i)), Heading: h, Text: "See the steps below."})
		}
		return d
	}
	return []fields.Doc{
		doc("install", "Install WSL", "Run wsl --install in PowerShell, then wsl -l -v to list distributions.", "Install WSL command"),
		doc("install-manual", "Manual installation steps for older versions of WSL",
			strings.Repeat("The installation installs what installing needs; install it. ", 12),
			"Install your Linux distribution", "Installing the package", "Troubleshooting installation"),
		doc("containers", "Get started with containers on WSL",
			strings.Repeat("wslc runs containers; wslc is installed with WSL. ", 10), "Install and verify wslc"),
		doc("config", "Advanced settings configuration in WSL",
			"Edit .wslconfig in your profile, or /etc/wsl.conf inside the distribution; set networkingMode=mirrored."),
		doc("errors", "Error codes",
			`Error 0x80070005 means access denied. Update KB5034441 fixes it. Run Get-NetAdapter, check 802.1X and IPv6, and C:\Windows\System32\drivers\etc\hosts.`),
		doc("samples", "Code samples", "The API has samples in C# and in C++ for every call."),
		doc("release-notes", "Release notes", strings.Repeat("Linux kernel update for Linux users on Linux. ", 40)),
		doc("about", "What is Linux", "A short overview of the system."),
		doc("docker", "Docker containers", "Install Docker Desktop to run containers."),
		doc("console", "Shadow a console session", "Connect to the console of a server."),
		doc("account", "Change your password", "Pick a new password every year."),
		doc("networking", "Network applications",
			strings.Repeat("Reach apps in WSL from a browser. Internet apps need a firewall rule. Access is local. ", 5), "Ports and firewalls"),
		doc("troubleshooting", "Troubleshooting",
			strings.Repeat("Check the adapter, the proxy and the DNS settings, then restart. ", 30),
			"Bash is hung", "Error after an update", "No internet access in WSL", "DNS suffixes", "Phantom adapters"),
	}
}

// TestRankingRules checks the first result of queries whose answer the
// ranking rules decide.
func TestRankingRules(t *testing.T) {
	ix, err := engine.Open(writeSite(t, techDocs()), "en")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ q, want string }{
		{"linux", "about"},          // a title outranks a long body
		{"install wsl", "install"},  // exact title words beat stemmed ones and rare completions
		{"install wsl ", "install"}, // and so while the last word is typed
		{"Install WSL", "install"},
		{"instal", "install"},        // the stem typed as it is
		{"wsl --install", "install"}, // an option, not an exclusion
		{"--install", "install"},
		{"wsl -l -v", "install"},
		{".wslconfig", "config"},
		{"/etc/wsl.conf", "config"},
		{"networkingMode=mirrored", "config"},
		{"0x80070005", "errors"},
		{"80070005", "errors"}, // an error code without 0x
		{"KB5034441", "errors"},
		{"Get-NetAdapter", "errors"},
		{"802.1X", "errors"},
		{"IPv6", "errors"},
		{`C:\Windows\System32`, "errors"},
		{"C#", "samples"},
		{"C++", "samples"},
		{"shadowing", "console"}, // an inflection no doc has
		{"passwords", "account"},
		{"wsl has no internet access", "troubleshooting"}, // the words together in one heading
	} {
		got := search(ix, c.q, engine.Options{})
		if len(got) == 0 || got[0].ID != c.want {
			t.Errorf("%q: first %v, want %s", c.q, ids(got), c.want)
		}
	}
}

// TestHeadingPair: two query words adjacent in a heading score more in
// that order than in the other.
func TestHeadingPair(t *testing.T) {
	ix, err := engine.Open(writeSite(t, techDocs()), "en")
	if err != nil {
		t.Fatal(err)
	}
	score := func(q string) float64 {
		for _, r := range search(ix, q, engine.Options{}) {
			if r.ID == "troubleshooting" {
				return r.Score
			}
		}
		return 0
	}
	if a, b := score("internet access"), score("access internet"); a <= b || b == 0 {
		t.Errorf("internet access %v, access internet %v", a, b)
	}
}

// TestExclusion: "-word" after a space excludes, unless it is all there
// is or an option the index has.
func TestExclusion(t *testing.T) {
	ix, err := engine.Open(writeSite(t, techDocs()), "en")
	if err != nil {
		t.Fatal(err)
	}
	has := func(q, id string) bool { return slices.Contains(ids(search(ix, q, engine.Options{Limit: 20})), id) }
	if has("containers -docker", "docker") || !has("containers -docker", "containers") {
		t.Errorf("containers -docker: %v", ids(search(ix, "containers -docker", engine.Options{})))
	}
	if !has("-docker", "docker") {
		t.Errorf("-docker alone excludes everything: %v", ids(search(ix, "-docker", engine.Options{})))
	}
	if !has("install-manual", "install-manual") || !has("wsl --install", "install") {
		t.Error("a hyphen inside or doubled before a word excluded")
	}
	if !has("containers-docker", "docker") {
		t.Errorf("containers-docker: %v", ids(search(ix, "containers-docker", engine.Options{})))
	}
}

// TestCorrected: a word that matches only through a typo candidate is
// reported as corrected, and Exact searches it as typed.
func TestCorrected(t *testing.T) {
	ix, err := engine.Open(writeSite(t, techDocs()), "en")
	if err != nil {
		t.Fatal(err)
	}
	r := ix.Query("pasword", engine.Options{})
	if len(r.Results) == 0 || !slices.Equal(r.Corrected, []engine.Suggestion{{Word: "pasword", Suggestion: "password"}}) {
		t.Errorf("pasword: %v corrected %v", ids(r.Results), r.Corrected)
	}
	if r := ix.Query("pasword", engine.Options{Exact: true}); len(r.Results) != 0 || len(r.Corrected) != 0 {
		t.Errorf("pasword exact: %v corrected %v", ids(r.Results), r.Corrected)
	}
	if r := ix.Query("password", engine.Options{}); len(r.Corrected) != 0 {
		t.Errorf("password corrected: %v", r.Corrected)
	}
}

// TestParityTechnical runs the technical queries, typed letter by letter,
// through both engines.
func TestParityTechnical(t *testing.T) {
	var queries []parityCase
	for _, q := range []string{"install wsl", "wsl --install", ".wslconfig", `C:\Windows\System32`, "802.1X",
		"C# C++", "Get-NetAdapter", "80070005", "containers -docker", "shadowing", "pasword", "wsl has no internet access"} {
		for i := range q {
			queries = append(queries, parityCase{Q: q[:i+1]})
		}
	}
	queries = append(queries, parityCase{Q: "pasword", Exact: true}, parityCase{Q: "-docker"}, parityCase{Q: "wsl -l -v"})
	nonEmpty := checkParity(t, writeSite(t, techDocs()), queries)
	if nonEmpty < len(queries)/2 {
		t.Errorf("only %d of %d queries with results", nonEmpty, len(queries))
	}
}
