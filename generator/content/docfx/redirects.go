package docfx

import (
	"encoding/json"
	"fmt"
	"strings"
)

// RedirectionFile is the name of a DocFX repository's redirect list.
const RedirectionFile = ".openpublishing.redirection.json"

// Redirect says that the page once built from Source (a content-relative
// Markdown path) now lives at URL (a path or an absolute URL).
type Redirect struct {
	Source string
	URL    string
}

// ParseRedirects reads .openpublishing.redirection.json. Source paths in
// the file are relative to the repository root; prefix is the content
// folder's path inside it ("" when the content folder is the root, or
// "WSL/" for a docset in a subfolder), and entries outside it are skipped.
func ParseRedirects(data []byte, prefix string) ([]Redirect, []Problem) {
	var doc struct {
		Redirections []struct {
			SourcePath  string `json:"source_path"`
			RedirectURL string `json:"redirect_url"`
		} `json:"redirections"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, []Problem{{Line: 1, Col: 1, Msg: "invalid JSON: " + err.Error()}}
	}
	var out []Redirect
	var problems []Problem
	for i, r := range doc.Redirections {
		src := strings.TrimPrefix(strings.ReplaceAll(r.SourcePath, "\\", "/"), "/")
		if !strings.HasPrefix(src, prefix) {
			continue
		}
		src = strings.TrimPrefix(src, prefix)
		if src == "" || r.RedirectURL == "" || strings.Contains(src, "..") {
			problems = append(problems, Problem{Msg: fmt.Sprintf("redirection %d needs a source_path inside the content folder and a redirect_url", i+1)})
			continue
		}
		out = append(out, Redirect{Source: src, URL: r.RedirectURL})
	}
	return out, problems
}
