package site

// This file makes the article page's optional extras that site.yaml
// turns on: the "Edit this page" link, the "Was this page helpful?"
// answers, and the site's own favicon.

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"path"
	"strings"

	"kbsite/generator/internal/config"
)

// Feedback is the "Was this page helpful?" control: where each answer
// leads.
type Feedback struct {
	Yes, No string
}

// EditURL is the "Edit this page" address of the article at source (its
// path in the content folder), or "" without edit_url.
func EditURL(cfg config.Site, source string) string {
	if cfg.EditURL == "" {
		return ""
	}
	segs := strings.Split(source, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return strings.ReplaceAll(cfg.EditURL, "{path}", strings.Join(segs, "/"))
}

// feedback is the control of page p, which shows title, or nil without
// feedback_url. Each answer is a plain link to feedback_url with the
// answer, the page title and its address filled in: query parameters
// helpful, title and url for a web form, or the subject and body of a
// mailto: message. Nothing is sent unless the reader follows it.
func (b Builder) feedback(p *Page, title string) *Feedback {
	raw := b.Config.FeedbackURL
	if raw == "" {
		return nil
	}
	page := p.Path // the address within the site when no base URL says where it is
	if b.Config.BaseURL != "" {
		page = b.Config.BaseURL + p.Path
	}
	answer := func(key, value string) string {
		u, err := url.Parse(raw)
		if err != nil { // config.Load admitted it
			return raw
		}
		q := u.Query()
		if u.Scheme == "mailto" {
			q.Set("subject", p.T("was_this_helpful")+" "+p.T(key)+": "+title)
			q.Set("body", page)
			// Mail programs read "+" as a plus sign, not a space.
			u.RawQuery = strings.ReplaceAll(q.Encode(), "+", "%20")
			return u.String()
		}
		q.Set("helpful", value)
		q.Set("title", title)
		q.Set("url", page)
		u.RawQuery = q.Encode()
		return u.String()
	}
	return &Feedback{Yes: answer("yes", "yes"), No: answer("no", "no")}
}

// Favicon is where the site's own favicon (site.yaml favicon) is published
// and its media type, or "" when the theme's is used.
func Favicon(cfg config.Site) (file, mediaType string) {
	if cfg.FaviconData == nil {
		return "", ""
	}
	ext := strings.ToLower(path.Ext(cfg.Favicon))
	sum := sha256.Sum256(cfg.FaviconData)
	file = "assets/site-icon." + hex.EncodeToString(sum[:])[:10] + ext
	switch ext {
	case ".png":
		return file, "image/png"
	case ".svg":
		return file, "image/svg+xml"
	}
	return file, "image/x-icon"
}
