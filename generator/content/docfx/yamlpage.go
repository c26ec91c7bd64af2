package docfx

import (
	"bytes"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Page is a YAML page turned into an article: front matter values and a
// Markdown body whose lines are the lines of the YAML file (blank lines pad
// the gaps), so a problem found in an answer is reported at its real line.
type Page struct {
	Mime string // "FAQ", "Landing", ...
	// Meta holds the metadata mapping and the top-level title and summary
	// as front matter keys ("title", "description", "ms.date", ...).
	Meta map[string]string
	Body []byte
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
	b := &lineWriter{}
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
	pg.Body = b.buf.Bytes()
	return pg, problems
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
// YAML node it came from, padding with blank lines.
type lineWriter struct {
	buf  bytes.Buffer
	line int // the line the next byte goes on, 1-based
}

func (w *lineWriter) padTo(line int) {
	if w.line == 0 {
		w.line = 1
	}
	for w.line < line {
		w.buf.WriteByte('\n')
		w.line++
	}
	if w.buf.Len() > 0 && !bytes.HasSuffix(w.buf.Bytes(), []byte("\n\n")) {
		// Keep Markdown blocks apart even when the YAML packs them.
		w.write("\n")
	}
}

func (w *lineWriter) write(s string) {
	w.buf.WriteString(s)
	w.line += strings.Count(s, "\n")
}

// heading writes "## text {#id}". Braces in the text are escaped so that
// only the explicit ID is read as one.
func (w *lineWriter) heading(n *yaml.Node, marks, text, id string) {
	w.padTo(n.Line)
	text = strings.NewReplacer("{", `\{`, "}", `\}`).Replace(text)
	w.write(marks + " " + text + " {#" + id + "}\n")
}

// block writes a scalar's Markdown from the line its text starts on: the
// line after the indicator of a "|" or ">" block, else the node's own.
func (w *lineWriter) block(n *yaml.Node) {
	text := strings.TrimRight(n.Value, " \n")
	if n.Kind != yaml.ScalarNode || strings.TrimSpace(text) == "" {
		return
	}
	start := n.Line
	if n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
		start++
	}
	w.padTo(start)
	w.write(text + "\n")
}
