// Package corpusgen writes deterministic synthetic knowledge bases of any
// size for benchmarks: KB-shaped articles (front matter, Summary, Symptoms,
// Cause, Resolution with numbered steps, callouts, code, tables, 3-8
// cross-links in all three link forms) over a realistic support vocabulary.
package corpusgen

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

var products = []string{
	"windows-messenger", "msn-messenger", "dotnet-passport", "windows-xp", "internet-explorer",
	"outlook-express", "office-2003", "exchange-server", "windows-server-2003", "sql-server-2000",
	"visual-studio-2005", "windows-media-player", "hotmail", "isa-server", "windows-update", "directx",
}

var nouns = strings.Fields(`account address adapter administrator alert application attachment
authentication backup bandwidth browser cache certificate client cluster computer configuration
connection console contact conversation cookie credential database device dialog directory disk
display domain download driver encryption error event exception extension feature file filter
firewall folder gateway group handshake hardware host identity installation interface key keyboard
license link log mailbox memory message modem monitor network notification option package partition
passport password patch permission policy port printer privilege process profile program protocol
proxy query record registry release request router rule scanner schedule script server service
session setting share shortcut signature socket software status storage subscription switch system
task template thread timeout token tool transfer trust update upgrade user utility value version
video volume warning webcam window wizard workstation zone`)

var verbs = strings.Fields(`accept access add allow apply block browse cancel change check clear
click close configure connect copy create delete detect disable display download enable enter
examine export fail find install keep load locate log open quit receive recognize reconnect register
reinstall remove rename repair replace reset resolve restart restore retry run save scan select send
set share sign specify start stop synchronize type uninstall update upgrade verify view`)

var adjectives = strings.Fields(`automatic available corrupted current default different disabled
duplicate empty encrypted existing expired external failed hidden incorrect internal invalid local
missing multiple new offline old online optional primary private public remote required secure
shared specific temporary unavailable unexpected unknown valid`)

var fillers = strings.Fields(`the a an this that your each when if after before because while and
or but then also only again however instead typically usually sometimes to from with without for
on in by through under over into about`)

// Article describes one generated article.
type Article struct {
	ID     string
	Source string // content-relative path
}

// Generate writes n articles (and a site.yaml) into dir, deterministically
// for a given seed. It returns the articles in ID order.
func Generate(dir string, n int, seed uint64) ([]Article, error) {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	arts := make([]Article, n)
	for i := range arts {
		p := products[i%len(products)]
		id := fmt.Sprintf("KB%06d", 100000+i*7)
		arts[i] = Article{ID: id, Source: p + "/" + strings.ToLower(id) + ".md"}
	}
	var site strings.Builder
	site.WriteString("title: Generated Knowledge Base\ndescription: Synthetic articles for benchmarks.\nproducts:\n")
	for _, p := range products {
		fmt.Fprintf(&site, "  %s: %s\n", p, strings.ToUpper(p[:1])+strings.ReplaceAll(p[1:], "-", " "))
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(dir, "site.yaml"), []byte(site.String()), 0o644); err != nil {
		return nil, err
	}
	for i, a := range arts {
		text := article(r, i, arts)
		p := filepath.Join(dir, filepath.FromSlash(a.Source))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			return nil, err
		}
	}
	return arts, nil
}

func pick(r *rand.Rand, words []string) string { return words[r.IntN(len(words))] }

func sentence(r *rand.Rand) string {
	n := 8 + r.IntN(14)
	w := make([]string, 0, n)
	for i := 0; i < n; i++ {
		switch r.IntN(5) {
		case 0:
			w = append(w, pick(r, verbs))
		case 1:
			w = append(w, pick(r, adjectives))
		case 2, 3:
			w = append(w, pick(r, nouns))
		default:
			w = append(w, pick(r, fillers))
		}
	}
	return capital(strings.Join(w, " ")) + "."
}

func paragraph(r *rand.Rand) string {
	n := 2 + r.IntN(4)
	s := make([]string, n)
	for i := range s {
		s[i] = sentence(r)
	}
	return strings.Join(s, " ")
}

func title(r *rand.Rand) string {
	forms := []string{
		"How to %s the %s %s",
		"You cannot %s the %s after you %s",
		"Error message when you %s a %s %s",
		"The %s %s does not %s",
	}
	f := forms[r.IntN(len(forms))]
	t := fmt.Sprintf(f, pick(r, verbs), pick(r, adjectives), pick(r, nouns))
	if strings.Count(f, "%s") == 3 && strings.HasPrefix(f, "You") {
		t = fmt.Sprintf(f, pick(r, verbs), pick(r, nouns), pick(r, verbs))
	}
	return t
}

// link writes a cross-link to target from article from in one of the
// three forms: relative path, ID, or empty-text ID link.
func link(r *rand.Rand, from, target Article) string {
	switch r.IntN(3) {
	case 0:
		rel, _ := filepath.Rel(filepath.Dir(from.Source), target.Source)
		return fmt.Sprintf("[the %s article](%s)", pick(r, nouns), filepath.ToSlash(rel))
	case 1:
		return fmt.Sprintf("[%s %s](kb:%s#resolution)", pick(r, verbs), pick(r, nouns), target.ID)
	default:
		return fmt.Sprintf("[](kb:%s)", target.ID)
	}
}

func article(r *rand.Rand, i int, arts []Article) string {
	a := arts[i]
	var b strings.Builder
	np := 1 + r.IntN(3)
	prods := []string{products[i%len(products)]}
	for len(prods) < np {
		p := pick(r, products)
		if !strings.Contains(strings.Join(prods, ","), p) {
			prods = append(prods, p)
		}
	}
	kws := []string{pick(r, nouns), pick(r, nouns) + " " + pick(r, nouns), pick(r, verbs)}
	related := arts[(i+1+r.IntN(len(arts)))%len(arts)].ID
	fmt.Fprintf(&b, "---\nid: %s\ntitle: %s\nsummary: %s\nproducts: [%s]\nkeywords: [%s]\naliases: [Q%s]\nrelated: [%s]\nupdated: %04d-%02d-%02d\n---\n\n",
		a.ID, title(r), sentence(r), strings.Join(prods, ", "), strings.Join(kws, ", "), a.ID[2:], related,
		2003+r.IntN(4), 1+r.IntN(12), 1+r.IntN(28))
	nlinks := 3 + r.IntN(6)
	links := make([]string, nlinks)
	for j := range links {
		t := arts[r.IntN(len(arts))]
		if t.ID == a.ID {
			t = arts[(i+1)%len(arts)]
		}
		links[j] = link(r, a, t)
	}
	b.WriteString("## Symptoms\n\n" + paragraph(r) + "\n\n" + paragraph(r) + " See " + links[0] + ".\n\n")
	b.WriteString("```text\nError 0x" + fmt.Sprintf("%08X", r.Uint32()) + ": The " + pick(r, nouns) + " could not be " + pick(r, verbs) + "ed.\n```\n\n")
	b.WriteString("## Cause\n\n" + paragraph(r) + " For background, read " + links[1] + ".\n\n")
	b.WriteString("## Resolution\n\nTo resolve this problem, follow these steps:\n\n")
	steps := 3 + r.IntN(5)
	for s := 1; s <= steps; s++ {
		fmt.Fprintf(&b, "%d. %s **%s**. %s\n", s, capital(pick(r, verbs)), pick(r, nouns), sentence(r))
	}
	b.WriteString("\n> [!" + []string{"NOTE", "TIP", "IMPORTANT", "WARNING", "CAUTION"}[r.IntN(5)] + "]\n> " + sentence(r) + "\n\n")
	if r.IntN(2) == 0 {
		b.WriteString("```cmd\nnetsh firewall set portopening TCP " + fmt.Sprint(1024+r.IntN(60000)) + " " + pick(r, nouns) + " ENABLE\nipconfig /all\n```\n\n")
	}
	b.WriteString("### " + capital(pick(r, adjectives)) + " " + pick(r, nouns) + " settings\n\n" + paragraph(r) + "\n\n")
	b.WriteString("| Setting | Value |\n|---------|-------|\n")
	for k := 0; k < 3; k++ {
		fmt.Fprintf(&b, "| %s %s | %s |\n", pick(r, adjectives), pick(r, nouns), pick(r, adjectives))
	}
	b.WriteString("\n## More information\n\n" + paragraph(r) + "\n\n")
	for _, l := range links[2:] {
		b.WriteString("- " + l + "\n")
	}
	b.WriteString("\n" + paragraph(r) + "\n")
	return b.String()
}

func capital(s string) string { return strings.ToUpper(s[:1]) + s[1:] }
