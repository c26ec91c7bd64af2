package content

// This file reads one Markdown article file: it checks the bytes are text,
// normalises them, and parses the YAML front matter into Meta with the
// position of every field so later checks can point at the exact line.

import (
	"bytes"
	"fmt"
	"path"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"kbsite/generator/content/docfx"
	"kbsite/generator/internal/config"
	"kbsite/generator/internal/diag"
	"kbsite/generator/internal/yamlpos"

	"go.yaml.in/yaml/v3"
)

// MaxSize is the largest article file accepted; anything bigger is almost
// certainly not a hand-written article and would only slow the build down.
const MaxSize = 16 << 20

// Pos is a 1-based line and column in the article file.
type Pos struct{ Line, Col int }

// Positions are where the front matter's values start: of a key ("id",
// "title", an unknown key) or of entry i of a list ("related", 2). A
// clipped slice searched in order rather than a map of "related.2" keys:
// an article has some twenty, and at 100,000 articles the maps and their
// keys held 120 MB through the whole build.
type Positions []keyPos

type keyPos struct {
	key       string
	i         int32 // -1: the key's own value
	line, col int32
}

// Of returns where key's value starts, or the zero Pos.
func (ps Positions) Of(key string) Pos { p, _ := ps.Lookup(key, -1); return p }

// Entry returns where entry i of list key starts, or the zero Pos.
func (ps Positions) Entry(key string, i int) Pos { p, _ := ps.Lookup(key, i); return p }

// Lookup returns where entry i of list key starts (i -1: key's value),
// and whether it is known.
func (ps Positions) Lookup(key string, i int) (Pos, bool) {
	for _, k := range ps {
		if int(k.i) == i && k.key == key {
			return Pos{int(k.line), int(k.col)}, true
		}
	}
	return Pos{}, false
}

// Set records p as where entry i of key starts (i -1: key's value).
func (ps *Positions) Set(key string, i int, p Pos) {
	for j := range *ps {
		if k := &(*ps)[j]; int(k.i) == i && k.key == key {
			k.line, k.col = int32(p.Line), int32(p.Col)
			return
		}
	}
	*ps = append(*ps, keyPos{key, int32(i), int32(p.Line), int32(p.Col)})
}

// Meta is an article's front matter.
type Meta struct {
	ID string
	// IDDerived is set when the ID was made from the file's path (foreign
	// content has none of its own): links and search still use it, but
	// pages do not show it as an article ID.
	IDDerived bool
	Title     string
	Summary   string
	// SummaryOnPage is set when the summary was written as the article's
	// own "summary", which the page shows as its Summary section; a DocFX
	// "description" is for meta tags and listings only.
	SummaryOnPage bool
	// Products are product slugs; ProductNames the display names written
	// in their place ("Windows Messenger" for windows-messenger), by slug.
	Products     []string
	ProductNames map[string]string
	Keywords     []string
	Aliases      []string
	Related      []string
	Updated      time.Time
	Lang         string
	Draft        bool
	// Type is "troubleshooter" for a guided troubleshooter, else "".
	Type string
	// TranslationKey groups translations of one article; it defaults to ID.
	TranslationKey string
	// Topic is the article type ("troubleshooting", "how-to"), as a slug:
	// the writer's "topic", DocFX's ms.topic, or "troubleshooter" for a
	// troubleshooter; "" for an untyped article. Search filters by it.
	Topic string
	// FAQ are the questions of a YAML FAQ page, for its FAQPage data.
	FAQ []docfx.QA
	// Pos holds where each field's value starts, and each entry of the
	// lists whose entries are checked (products, aliases, related).
	Pos Positions
}

// Doc is an article file after its front matter has been read.
type Doc struct {
	Meta Meta
	// Body is the Markdown after the front matter, normalised to LF line
	// endings, valid UTF-8 and free of NUL bytes.
	Body []byte
	// BodyLine is the file line on which Body starts, for positions.
	BodyLine int
	// Position, for a YAML page, maps a line and column of Body to the
	// file's (docfx.Page.Position); nil when they are the file's.
	Position func(line, col int) (int, int)
	// HasFrontMatter tells whether the file had a front matter block.
	HasFrontMatter bool
	// Unknown are the front matter keys kbsite does not use, in file
	// order, with their positions in Meta.Pos (see WarnUnknown and
	// UnknownKeys).
	Unknown []string
}

// TypeTroubleshooter is the type of a guided troubleshooter article.
const TypeTroubleshooter = "troubleshooter"

var (
	idRe   = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`)
	langRe = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)
	slugRe = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,63}$`)
)

// Parse reads src (the whole file) named file in diagnostics. It returns
// ok=false when the file cannot be used at all; every problem is in dl.
func Parse(file string, src []byte, dl *diag.List) (Doc, bool) {
	if len(src) > MaxSize {
		line, col := lineCol(src, MaxSize) // where the limit is passed
		dl.Errorf(file, line, col, "file is %d MiB, larger than the %d MiB limit for an article", len(src)>>20, MaxSize>>20)
		return Doc{}, false
	}
	if i := bytes.IndexByte(src, 0); i >= 0 {
		line, col := lineCol(src, i)
		dl.Errorf(file, line, col, "binary file, not Markdown text (NUL byte)")
		return Doc{}, false
	}
	if !utf8.Valid(src) {
		i := firstInvalid(src)
		line, col := lineCol(src, i)
		dl.Errorf(file, line, col, "invalid UTF-8 (byte 0x%02x); save the file as UTF-8", src[i])
		return Doc{}, false
	}
	src = Normalize(src)
	if ext := strings.ToLower(path.Ext(file)); ext == ".yml" || ext == ".yaml" {
		return parseYAMLPage(file, src, dl)
	}

	doc := Doc{BodyLine: 1, Body: src}
	if !bytes.HasPrefix(src, []byte("---\n")) {
		return doc, true
	}
	rest := src[4:]
	end, after := findClose(rest)
	ok := true
	if end < 0 {
		dl.Addf(diag.Error, diag.KindFrontMatter, file, 1, 1, `front matter starts with "---" but has no closing "---" line`)
		return Doc{}, false
	}
	yamlSrc := rest[:end]
	doc.HasFrontMatter = true
	doc.BodyLine = 2 + bytes.Count(rest[:after], []byte("\n"))
	doc.Body = rest[after:]
	doc.Meta, doc.Unknown, ok = parseMeta(file, yamlSrc, dl)
	warnPlaceholders(file, doc, dl)
	return doc, ok
}

// Normalize strips a UTF-8 byte order mark and turns CRLF and lone CR line
// endings into LF so that positions and rendering agree on every platform.
func Normalize(src []byte) []byte {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	if bytes.IndexByte(src, '\r') < 0 {
		return src
	}
	src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	return bytes.ReplaceAll(src, []byte("\r"), []byte("\n"))
}

// findClose finds the closing "---" (or "...") line of front matter in rest.
// It returns the offset where the YAML ends and where the body starts.
func findClose(rest []byte) (end, after int) {
	off := 0
	for off <= len(rest) {
		nl := bytes.IndexByte(rest[off:], '\n')
		line := rest[off:]
		next := len(rest)
		if nl >= 0 {
			line = rest[off : off+nl]
			next = off + nl + 1
		}
		if t := bytes.TrimRight(line, " \t"); string(t) == "---" || string(t) == "..." {
			return off, next
		}
		if nl < 0 {
			break
		}
		off = next
	}
	return -1, -1
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return 0
}

// lineCol converts a byte offset to a 1-based line and a 1-based column
// counted in characters.
func lineCol(src []byte, off int) (int, int) {
	before := src[:off]
	line := 1 + bytes.Count(before, []byte("\n"))
	start := bytes.LastIndexByte(before, '\n') + 1
	return line, 1 + utf8.RuneCount(before[start:])
}

// lineOffset is where the YAML starts: on file line 2, after "---".
const lineOffset = 1

func parseMeta(file string, y []byte, dl *diag.List) (Meta, []string, bool) {
	var root yaml.Node
	release, err := decodeYAML(y, &root)
	defer release()
	if err != nil {
		line, msg := yamlpos.Split(err)
		if line > 0 {
			line += lineOffset
		}
		dl.Addf(diag.Error, diag.KindFrontMatter, file, line, 0, "front matter: %s", msg)
		return Meta{}, nil, false
	}
	r := newMetaReader(file, lineOffset, dl)
	if len(root.Content) == 0 {
		return r.m, nil, true
	}
	mapping := root.Content[0]
	if mapping.Kind != yaml.MappingNode {
		r.fail(mapping, "front matter must be YAML keys and values")
		return r.m, nil, false
	}
	r.mapping(mapping)
	r.finish()
	r.m.Pos = slices.Clone(r.m.Pos) // as small as it can be: it lives as long as the build
	return r.m, r.unknown, r.ok
}

func newMetaReader(file string, offset int, dl *diag.List) *metaReader {
	return &metaReader{file: file, offset: offset, dl: dl, ok: true, docfx: map[string]string{}}
}

// mapping reads the keys of a front matter mapping.
func (r *metaReader) mapping(mapping *yaml.Node) {
	seen := map[string]bool{}
	for i := 0; i+1 < len(mapping.Content); i += 2 {
		k, v := mapping.Content[i], mapping.Content[i+1]
		if seen[k.Value] {
			r.fail(k, "duplicate front matter key %s", diag.Quote(k.Value))
			continue
		}
		seen[k.Value] = true
		r.m.Pos.Set(k.Value, -1, r.pos(v))
		switch {
		case r.textField(k.Value, v) || r.checkedField(k.Value, v):
		case docfx.KnownKey(k.Value):
			if v.Kind == yaml.ScalarNode {
				r.docfx[strings.ToLower(k.Value)] = v.Value
			}
		default:
			r.m.Pos.Set(k.Value, -1, r.pos(k))
			r.unknown = append(r.unknown, k.Value)
		}
	}
}

// finish completes Meta from the DocFX keys: the date, the article type
// and the products, each only where kbsite's own key is absent.
func (r *metaReader) finish() {
	f, problems := docfx.ReadFields(r.docfx)
	m := &r.m
	for _, msg := range problems {
		key := "ms.date"
		if _, ok := r.docfx[key]; !ok {
			key = "ms.data"
		}
		p := m.Pos.Of(key)
		r.dl.Addf(diag.Warning, diag.KindFrontMatter, r.file, p.Line, p.Col, "%s (ignored)", msg)
	}
	if m.Updated.IsZero() {
		m.Updated = f.Updated
	}
	if len(m.Products) == 0 {
		m.Products = f.Products
	}
	m.Topic = articleType(m.Topic, f.Topic, m.Type)
	m.Keywords = docfx.SplitKeywords(m.Keywords)
}

// articleType is the one rule for an article's type: the writer's
// "topic", else DocFX's ms.topic, else "troubleshooter" for a guided
// troubleshooter. An article with none is untyped ("").
func articleType(topic, msTopic, typ string) string {
	switch {
	case topic != "":
		return topic
	case msTopic != "":
		return msTopic
	case typ == TypeTroubleshooter:
		return TypeTroubleshooter
	}
	return ""
}

// parseYAMLPage reads a "### YamlMime:FAQ" file (Scan admits no other
// YAML page) as an article: its metadata mapping is front matter, with
// real positions, and its questions a Markdown body on the lines of the
// file.
func parseYAMLPage(file string, src []byte, dl *diag.List) (Doc, bool) {
	pg, problems := docfx.ParseFAQ(src)
	for _, p := range problems {
		if pg == nil {
			dl.Errorf(file, p.Line, p.Col, "%s", p.Msg)
		} else {
			dl.Warnf(file, p.Line, p.Col, "%s", p.Msg)
		}
	}
	if pg == nil {
		return Doc{}, false
	}
	r := newMetaReader(file, 0, dl)
	var root yaml.Node
	if yaml.Unmarshal(src, &root) == nil && len(root.Content) > 0 {
		if md := mappingValue(root.Content[0], "metadata"); md != nil && md.Kind == yaml.MappingNode {
			r.mapping(md)
		}
	}
	if t := pg.Meta["title"]; t != "" {
		r.m.Title = t
	}
	r.finish()
	r.m.FAQ = pg.FAQ
	return Doc{Meta: r.m, Body: pg.Body, BodyLine: 1, Position: pg.Position, Unknown: r.unknown}, r.ok
}

// mappingValue is the value of key in a YAML mapping, or nil.
func mappingValue(m *yaml.Node, key string) *yaml.Node {
	if m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// metaReader fills a Meta from the YAML nodes of one file's front matter,
// reporting every bad value at its position.
type metaReader struct {
	file   string
	offset int // file line of the YAML's line 1, less one
	dl     *diag.List
	m      Meta
	ok     bool
	// docfx are the DocFX keys by lower-cased name, for docfx.ReadFields.
	docfx   map[string]string
	unknown []string
}

func (r *metaReader) pos(n *yaml.Node) Pos { return Pos{n.Line + r.offset, n.Column} }

func (r *metaReader) fail(n *yaml.Node, format string, args ...any) {
	p := r.pos(n)
	r.dl.Addf(diag.Error, diag.KindFrontMatter, r.file, p.Line, p.Col, format, args...)
	r.ok = false
}

// invalid reports a value that cannot be used but leaves the article in
// the build, so that the same run still checks its links and the links to
// it: one bad date is one error, not one in every article linking there.
func (r *metaReader) invalid(n *yaml.Node, format string, args ...any) {
	p := r.pos(n)
	r.dl.Addf(diag.Error, diag.KindFrontMatter, r.file, p.Line, p.Col, format, args...)
}

// str is a text value.
func (r *metaReader) str(n *yaml.Node, key string) string {
	if n.Kind != yaml.ScalarNode {
		r.fail(n, "%s must be text", key)
		return ""
	}
	return strings.TrimSpace(n.Value)
}

// list is a list of text values (or one), recording each entry's position
// as key.N.
func (r *metaReader) list(n *yaml.Node, key string) []string {
	var items []*yaml.Node
	switch n.Kind {
	case yaml.ScalarNode:
		if n.ShortTag() == "!!null" {
			return nil
		}
		items = []*yaml.Node{n}
	case yaml.SequenceNode:
		items = n.Content
	default:
		r.fail(n, "%s must be a list of text values", key)
		return nil
	}
	var out []string
	for _, it := range items {
		if it.Kind != yaml.ScalarNode {
			r.fail(it, "each entry of %s must be text", key)
			continue
		}
		v := strings.TrimSpace(it.Value)
		if v == "" {
			continue
		}
		if key != "keywords" { // nothing checks a keyword
			r.m.Pos.Set(key, len(out), r.pos(it))
		}
		out = append(out, v)
	}
	return out
}

// textField reads the fields that take any text or list of text; it
// returns false for other keys.
func (r *metaReader) textField(key string, v *yaml.Node) bool {
	m := &r.m
	switch key {
	case "title":
		m.Title = r.str(v, key)
	case "summary":
		m.Summary, m.SummaryOnPage = r.str(v, key), true
	case "description":
		if !m.SummaryOnPage {
			m.Summary = r.str(v, key)
		}
	case "keywords", "tags":
		m.Keywords = r.list(v, key)
	case "aliases":
		m.Aliases = r.list(v, key)
	case "related":
		m.Related = r.list(v, key)
	case "translation_key":
		m.TranslationKey = r.str(v, key)
	case "topic":
		m.Topic = docfx.Slug(r.str(v, key))
	default:
		return false
	}
	return true
}

// checkedField reads the fields whose values have a form to check; it
// returns false for keys it does not know.
func (r *metaReader) checkedField(key string, v *yaml.Node) bool {
	m := &r.m
	switch key {
	case "id":
		m.ID = r.str(v, key)
		if m.ID != "" && !idRe.MatchString(m.ID) {
			r.fail(v, "id %s may hold only letters, digits, '.', '_' and '-' (at most 64)", diag.Quote(m.ID))
		}
	case "products":
		r.products(v)
	case "updated", "date":
		r.date(key, v)
	case "lang":
		m.Lang = r.str(v, key)
		if m.Lang != "" && (!langRe.MatchString(m.Lang) || !config.ValidTag(m.Lang)) {
			r.fail(v, "lang %s is not a language code such as en, de or pt-br", diag.Quote(m.Lang))
		}
	case "draft":
		if v.Kind != yaml.ScalarNode || v.ShortTag() != "!!bool" {
			r.invalid(v, "draft must be true or false")
			break
		}
		m.Draft = v.Value == "true" || v.Value == "True" || v.Value == "TRUE"
	case "type":
		m.Type = r.str(v, key)
		if m.Type != "" && m.Type != TypeTroubleshooter {
			r.fail(v, "type %q is not known; the only type is %s (leave type out for an ordinary article)", m.Type, TypeTroubleshooter)
		}
	default:
		return false
	}
	return true
}

// products reads the products an article applies to, each a slug
// (windows-messenger) or a display name (Windows Messenger) that stands for
// its slug and names the product where site.yaml does not.
func (r *metaReader) products(v *yaml.Node) {
	m := &r.m
	m.Products = r.list(v, "products")
	for j, p := range m.Products {
		slug, ok := ProductSlug(p)
		if !ok {
			pp := m.Pos.Entry("products", j)
			r.dl.Addf(diag.Error, diag.KindFrontMatter, r.file, pp.Line, pp.Col, "product %s has no letters or digits to make its address from; write a slug such as windows-messenger", diag.Quote(p))
			continue
		}
		if slug != p {
			if m.ProductNames == nil {
				m.ProductNames = map[string]string{}
			}
			m.ProductNames[slug] = p
		}
		m.Products[j] = slug
	}
}

// date reads the updated (or date) field.
func (r *metaReader) date(key string, v *yaml.Node) {
	s := r.str(v, key)
	if s == "" {
		return
	}
	t, err := ParseDate(s)
	if err != nil {
		r.invalid(v, "%s %s is not a date; write it as YYYY-MM-DD", key, diag.Quote(s))
	}
	r.m.Updated = t
}

// ParseDate accepts the date forms doc writers use in front matter.
func ParseDate(s string) (time.Time, error) {
	for _, layout := range []string{"2006-01-02", time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02 15:04:05 -0700", "2006-01-02 15:04:05 -07:00", "01/02/2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("not a date")
}

// Key identifies an article (or alias) of one language; IDs ignore case.
func Key(lang, id string) string { return lang + "/" + strings.ToUpper(id) }

// DeriveID makes an article ID from its path relative to the content
// folder, for foreign content without ids: "wsl/install-manual.md" becomes
// "wsl-install-manual".
func DeriveID(rel string) string {
	rel = strings.TrimSuffix(rel, path.Ext(rel))
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(rel) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') || r == '.' || r == '_' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		} else {
			dash = true
		}
	}
	id := strings.Trim(b.String(), "-._")
	if id == "" {
		id = "article"
	}
	return id
}
