package peers

import (
	"bytes"
	"fmt"
	"io/fs"
	"log"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"
)

// frontMatter is what corpusgen writes.
type frontMatter struct {
	ID       string   `yaml:"id"`
	Title    string   `yaml:"title"`
	Summary  string   `yaml:"summary"`
	Products []string `yaml:"products"`
	Keywords []string `yaml:"keywords"`
	Aliases  []string `yaml:"aliases"`
	Related  []string `yaml:"related"`
	Updated  string   `yaml:"updated"`
}

// hugoFrontMatter is the same article for Hugo: description from the
// summary, date from updated, tags from keywords, a products taxonomy,
// and aliases as old URL paths (Hugo writes redirect pages for them, as
// kbsite does).
type hugoFrontMatter struct {
	Title       string   `yaml:"title"`
	Description string   `yaml:"description"`
	Date        string   `yaml:"date"`
	Tags        []string `yaml:"tags"`
	Products    []string `yaml:"products"`
	Aliases     []string `yaml:"aliases"`
}

var mdLink = regexp.MustCompile(`\[([^\]]*)\]\(([^)\s]+)\)`)

type srcArticle struct {
	rel  string
	fm   frontMatter
	body []byte
}

func splitFrontMatter(b []byte) ([]byte, []byte, error) {
	if !bytes.HasPrefix(b, []byte("---\n")) {
		return nil, nil, fmt.Errorf("no front matter")
	}
	end := bytes.Index(b[4:], []byte("\n---\n"))
	if end < 0 {
		return nil, nil, fmt.Errorf("unterminated front matter")
	}
	return b[4 : 4+end+1], b[4+end+5:], nil
}

// HugoSite converts a kbsite corpus into a Hugo site (cached beside it):
// content/kb/<id>.md with the article text unchanged except for the link
// destinations, which Hugo cannot resolve: `kb:KB123#x` and relative
// `../p/kb123.md#x` become `/kb/kb123/#x`, and an empty link text (which
// kbsite fills with the target's title) gets the title written in.
func HugoSite(cacheDir, corpusDir string, n int, seed uint64, repo string) (string, error) {
	dir := filepath.Join(cacheDir, fmt.Sprintf("hugo-%d-seed%d", n, seed))
	marker := filepath.Join(dir, ".complete")
	cfg, err := os.ReadFile(filepath.Join(repo, "bench", "hugo", "hugo.toml"))
	if err != nil {
		return "", err
	}
	if _, err := os.Stat(marker); err == nil {
		// The config may have changed since the content was converted.
		return dir, os.WriteFile(filepath.Join(dir, "hugo.toml"), cfg, 0o644)
	}
	os.RemoveAll(dir)
	log.Printf("converting the %d-article corpus to Hugo content in %s", n, dir)
	arts, titles, err := readCorpus(corpusDir)
	if err != nil {
		return "", err
	}
	content := filepath.Join(dir, "content", "kb")
	if err := os.MkdirAll(content, 0o755); err != nil {
		return "", err
	}
	for _, a := range arts {
		if err := writeHugoArticle(content, a, titles); err != nil {
			return "", err
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "hugo.toml"), cfg, 0o644); err != nil {
		return "", err
	}
	return dir, os.WriteFile(marker, nil, 0o644)
}

// readCorpus reads every article of the corpus, and the title of every
// article ID and alias (upper case).
func readCorpus(corpusDir string) ([]srcArticle, map[string]string, error) {
	var arts []srcArticle
	titles := map[string]string{}
	err := filepath.WalkDir(corpusDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		fmRaw, body, err := splitFrontMatter(b)
		if err != nil {
			return fmt.Errorf("%s: %v", p, err)
		}
		var fm frontMatter
		if err := yaml.Unmarshal(fmRaw, &fm); err != nil {
			return fmt.Errorf("%s: %v", p, err)
		}
		rel, _ := filepath.Rel(corpusDir, p)
		arts = append(arts, srcArticle{filepath.ToSlash(rel), fm, body})
		titles[strings.ToUpper(fm.ID)] = fm.Title
		for _, a := range fm.Aliases {
			titles[strings.ToUpper(a)] = fm.Title
		}
		return nil
	})
	return arts, titles, err
}

// writeHugoArticle writes a as content/kb/<id>.md with Hugo front matter
// and its links rewritten.
func writeHugoArticle(content string, a srcArticle, titles map[string]string) error {
	body, err := hugoLinks(a, titles)
	if err != nil {
		return err
	}
	hf := hugoFrontMatter{Title: a.fm.Title, Description: a.fm.Summary, Date: a.fm.Updated,
		Tags: a.fm.Keywords, Products: a.fm.Products}
	for _, al := range a.fm.Aliases {
		hf.Aliases = append(hf.Aliases, "/kb/"+strings.ToLower(al)+"/")
	}
	fmOut, err := yaml.Marshal(hf)
	if err != nil {
		return err
	}
	out := append(append(append([]byte("---\n"), fmOut...), "---\n"...), body...)
	return os.WriteFile(filepath.Join(content, strings.ToLower(a.fm.ID)+".md"), out, 0o644)
}

// hugoLinks rewrites a's links to other articles as /kb/<id>/ paths,
// writing in the target's title where the link text is empty.
func hugoLinks(a srcArticle, titles map[string]string) ([]byte, error) {
	var bad error
	body := mdLink.ReplaceAllFunc(a.body, func(m []byte) []byte {
		sm := mdLink.FindSubmatch(m)
		text, dest := string(sm[1]), string(sm[2])
		frag := ""
		if i := strings.IndexByte(dest, '#'); i >= 0 {
			dest, frag = dest[:i], dest[i:]
		}
		var id string
		switch {
		case strings.HasPrefix(dest, "kb:"):
			id = strings.ToUpper(dest[3:])
		case strings.HasSuffix(dest, ".md"):
			id = strings.ToUpper(strings.TrimSuffix(path.Base(dest), ".md"))
		default:
			return m
		}
		t, ok := titles[id]
		if !ok {
			bad = fmt.Errorf("%s: link to unknown article %s", a.rel, id)
			return m
		}
		if text == "" {
			text = t
		}
		return []byte("[" + text + "](/kb/" + strings.ToLower(id) + "/" + frag + ")")
	})
	return body, bad
}
