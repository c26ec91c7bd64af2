// Package highlight turns fenced code into HTML at build time with chroma,
// using CSS classes rather than inline styles so that one generated
// stylesheet can carry both a light and a dark theme.
package highlight

import (
	"bytes"
	"html"
	"io"
	"strings"
	"sync"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
)

// Light and Dark name the chroma styles of the two colour schemes; the
// theme's chroma.css styles Block's classes with both.
const (
	Light = "github"
	Dark  = "github-dark"
)

var formatter = chromahtml.New(chromahtml.WithClasses(true), chromahtml.PreventSurroundingPre(true))

// Block writes code as a highlighted <pre> block inside a div.code-block
// wrapper, headed by the fence language's display name (site.js adds the
// copy button to the head, creating one for blocks without a language, so
// that a page without JavaScript shows no dead button). An unknown or empty
// language gives plain preformatted text; highlighting never fails a build.
func Block(w io.Writer, lang string, code []byte) {
	lang = strings.ToLower(strings.TrimSpace(lang))
	body, ok := highlighted(lang, code)
	class := "code"
	if ok {
		class = "code chroma"
	}
	io.WriteString(w, `<div class="code-block">`)
	if lang != "" {
		io.WriteString(w, `<div class="code-head"><span class="code-lang">`+html.EscapeString(displayName(lang))+`</span></div>`)
	}
	io.WriteString(w, `<pre class="`+class+`" tabindex="0"><code`)
	if lang != "" {
		io.WriteString(w, ` class="language-`+html.EscapeString(lang)+`"`)
	}
	io.WriteString(w, ">")
	if ok {
		w.Write(body)
	} else {
		io.WriteString(w, html.EscapeString(string(code)))
	}
	io.WriteString(w, "</code></pre></div>\n")
}

// displayNames are the labels of the fence languages help articles use
// most, where chroma's lexer name is missing or reads wrong ("reg", "Batchfile").
var displayNames = map[string]string{
	"powershell": "PowerShell", "ps1": "PowerShell", "pwsh": "PowerShell", "posh": "PowerShell",
	"console": "Console", "shell-session": "Console", "terminal": "Console",
	"bash": "Bash", "sh": "Bash", "shell": "Bash", "zsh": "Zsh",
	"cmd": "Command Prompt", "bat": "Command Prompt", "batch": "Command Prompt", "dos": "Command Prompt",
	"ini": "INI", "cfg": "INI", "reg": "Registry", "registry": "Registry",
	"json": "JSON", "xml": "XML", "html": "HTML", "yaml": "YAML", "yml": "YAML", "toml": "TOML",
	"csharp": "C#", "cs": "C#", "c#": "C#", "cpp": "C++", "c++": "C++", "js": "JavaScript", "javascript": "JavaScript",
	"ts": "TypeScript", "typescript": "TypeScript", "py": "Python", "python": "Python", "sql": "SQL", "vb": "VB.NET",
	"text": "Text", "txt": "Text", "plaintext": "Text", "output": "Output", "log": "Log",
}

// displayName is the label shown over a code block of the fence language
// lang (lower case): a known name, else chroma's lexer name, else lang as written.
func displayName(lang string) string {
	if n, ok := displayNames[lang]; ok {
		return n
	}
	if lx := lexerFor(lang); lx != nil {
		return lx.Config().Name
	}
	return lang
}

func highlighted(lang string, code []byte) ([]byte, bool) {
	if lang == "" {
		return nil, false
	}
	lexer := lexerFor(lang)
	if lexer == nil {
		return nil, false
	}
	it, err := lexer.Tokenise(nil, string(code))
	if err != nil {
		return nil, false
	}
	var buf bytes.Buffer
	if err := formatter.Format(&buf, styles.Get(Light), it); err != nil {
		return nil, false
	}
	return buf.Bytes(), true
}

// lexerCache remembers lookups: chroma falls back to matching the name
// against every lexer's file globs, which costs milliseconds per miss.
var lexerCache sync.Map // string -> chroma.Lexer (nil for none)

func lexerFor(lang string) chroma.Lexer {
	if l, ok := lexerCache.Load(lang); ok {
		lx, _ := l.(chroma.Lexer)
		return lx
	}
	var lx chroma.Lexer
	if l := lexers.Get(lang); l != nil && !strings.EqualFold(l.Config().Name, "plaintext") {
		lx = chroma.Coalesce(l)
	}
	lexerCache.Store(lang, lx)
	return lx
}
