package docfx

import (
	"bytes"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Page is a YAML page turned into an article: front matter values and a
// Markdown body whose lines are the lines of the YAML file where it can
// (blank lines pad the gaps), with Position for the rest, so that a problem
// found in an answer is reported at its real line and column.
type Page struct {
	Mime string // "FAQ", "Landing", ...
	// Meta holds the metadata mapping and the top-level title and summary
	// as front matter keys ("title", "description", "ms.date", ...).
	Meta map[string]string
	Body []byte
	pos  []linePos // where each line of Body is in the file
	// FAQ lists the questions and answers (as Markdown) of an FAQ page, for
	// its FAQPage structured data.
	FAQ []QA
}

// QA is one question of an FAQ page.
type QA struct {
	Question string
	Answer   string // Markdown
	ID       string // its anchor
}

// Mime returns the YamlMime of a YAML page ("FAQ" for a file whose first
// line is "### YamlMime:FAQ"), or "" for YAML that is not a page.
func Mime(data []byte) string {
	line, _, _ := bytes.Cut(data, []byte("\n"))
	s := strings.TrimSpace(string(line))
	if !strings.HasPrefix(s, "### YamlMime:") {
		return ""
	}
	return strings.TrimSpace(strings.TrimPrefix(s, "### YamlMime:"))
}

// faqDoc is the YAML shape of a YamlMime:FAQ page.
type faqDoc struct {
	Metadata map[string]any `yaml:"metadata"`
	Title    yaml.Node      `yaml:"title"`
	Summary  yaml.Node      `yaml:"summary"`
	Sections []struct {
		Name      yaml.Node `yaml:"name"`
		Questions []struct {
			Question yaml.Node `yaml:"question"`
			Answer   yaml.Node `yaml:"answer"`
		} `yaml:"questions"`
	} `yaml:"sections"`
}

// ParseFAQ turns a "### YamlMime:FAQ" file into a page: each section a
// "##" heading, each question a "###" heading with the anchor DocFX gives
// it (see FAQAnchor), each answer its Markdown.
func ParseFAQ(data []byte) (*Page, []Problem) {
	var doc faqDoc
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, []Problem{{Msg: "invalid YAML: " + err.Error()}}
	}
	pg := &Page{Mime: "FAQ", Meta: map[string]string{}}
	for k, v := range doc.Metadata {
		if s, ok := v.(string); ok {
			pg.Meta[k] = strings.TrimSpace(s)
		}
	}
	if t := strings.TrimSpace(doc.Title.Value); t != "" {
		pg.Meta["title"] = t
	}
	var problems []Problem
	if pg.Meta["title"] == "" {
		problems = append(problems, Problem{Line: 1, Col: 1, Msg: "FAQ page has no title"})
	}
	b := &lineWriter{src: strings.Split(string(data), "\n")}
	b.block(&doc.Summary)
	used := map[string]bool{}
	for _, sec := range doc.Sections {
		if name := strings.TrimSpace(sec.Name.Value); name != "" {
			b.heading(&sec.Name, "##", name, uniqueAnchor(used, FAQAnchor(name)))
		}
		for _, q := range sec.Questions {
			text := oneLine(q.Question.Value)
			if text == "" {
				problems = append(problems, Problem{Line: q.Question.Line, Col: q.Question.Column, Msg: "FAQ entry has no question"})
				continue
			}
			id := uniqueAnchor(used, FAQAnchor(text))
			b.heading(&q.Question, "###", text, id)
			b.block(&q.Answer)
			pg.FAQ = append(pg.FAQ, QA{Question: text, Answer: strings.TrimSpace(q.Answer.Value), ID: id})
		}
	}
	pg.Body, pg.pos = b.buf.Bytes(), b.pos
	return pg, problems
}

// linePos is where a line of a Page's Body is in the file: its line, and
// the columns the file has left of its text beyond Body's.
type linePos struct{ line, shift int }

// Position maps a line and column of Body to the file's. Body's text has
// no YAML indentation ("### " stands in for that of a question), and Body
// keeps apart with a blank line what the YAML may pack on adjacent lines.
func (p *Page) Position(line, col int) (int, int) {
	if line < 1 || line > len(p.pos) {
		return line, col
	}
	lp := p.pos[line-1]
	return lp.line, max(1, col+lp.shift)
}

// FAQAnchor is DocFX's anchor for an FAQ question: lower-case, every
// character other than a-z and 0-9 becomes "-", runs are not collapsed
// ("Can I access the GPU in WSL 2? Are there..." is
// "can-i-access-the-gpu-in-wsl-2--are-there...").
func FAQAnchor(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(s)) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
		} else {
			b.WriteByte('-')
		}
	}
	return b.String()
}

func uniqueAnchor(used map[string]bool, id string) string {
	base := id
	for i := 1; used[id]; i++ {
		id = fmt.Sprintf("%s-%d", base, i)
	}
	used[id] = true
	return id
}

// oneLine joins a question written over several lines.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// lineWriter writes Markdown so that each piece starts on the line of the
// YAML node it came from, padding with blank lines, and records where each
// line it writes is in the file.
type lineWriter struct {
	buf  bytes.Buffer
	line int       // the line of Body the next byte goes on, 1-based
	src  []string  // the lines of the YAML file
	pos  []linePos // pos[i] is where line i+1 of Body is in the file
}

// padTo ends the lines written so far with blank ones up to line, and with
// at least one, so that Markdown blocks stay apart even when the YAML
// packs them.
func (w *lineWriter) padTo(line int) {
	if w.line == 0 {
		w.line = 1
	}
	for w.line < line {
		w.put(w.line, 0, "")
	}
	if w.buf.Len() > 0 && !bytes.HasSuffix(w.buf.Bytes(), []byte("\n\n")) {
		w.put(w.line, 0, "")
	}
}

// put writes one line of Markdown, text of file line line with shift more
// columns left of it in the file.
func (w *lineWriter) put(line, shift int, text string) {
	w.pos = append(w.pos, linePos{line, shift})
	w.buf.WriteString(text + "\n")
	w.line++
}

// heading writes "## text {#id}" on the line the text starts on. Braces
// in the text are escaped so that only the explicit ID is read as one.
func (w *lineWriter) heading(n *yaml.Node, marks, text, id string) {
	first, _, _ := strings.Cut(strings.TrimSpace(n.Value), "\n")
	line, shift := w.textStart(n, first)
	w.padTo(line)
	text = strings.NewReplacer("{", `\{`, "}", `\}`).Replace(text)
	w.put(line, shift-len(marks)-1, marks+" "+text+" {#"+id+"}")
}

// block writes a scalar's Markdown from the line its text starts on.
func (w *lineWriter) block(n *yaml.Node) {
	text := strings.TrimRight(n.Value, " \n")
	if n.Kind != yaml.ScalarNode || strings.TrimSpace(text) == "" {
		return
	}
	lines := strings.Split(text, "\n")
	start, shift := w.textStart(n, lines[0])
	w.padTo(start)
	for i, l := range lines {
		if i > 0 {
			shift = w.shift(start+i, l)
		}
		w.put(start+i, shift, l)
	}
}

// textStart is the line a scalar's text starts on, and how many columns
// are left of it there (first is its first line): a "|" or ">" block
// starts on the line after its indicator, a plain or quoted scalar at its
// column (after the quote).
func (w *lineWriter) textStart(n *yaml.Node, first string) (int, int) {
	switch {
	case n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		return n.Line + 1, w.shift(n.Line+1, first)
	case n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0:
		return n.Line, n.Column
	}
	return n.Line, n.Column - 1
}

// shift is how many columns are left of text, a line of a scalar, on line
// line of the file: the spaces before it, or 0 when the line does not end
// with it (a folded or escaped scalar), so that columns stay in the line.
func (w *lineWriter) shift(line int, text string) int {
	if line < 1 || line > len(w.src) || text == "" {
		return 0
	}
	prefix, ok := strings.CutSuffix(strings.TrimRight(w.src[line-1], "\r"), text)
	if !ok || strings.TrimLeft(prefix, " ") != "" {
		return 0
	}
	return len(prefix)
}
