// Package config reads the optional site configuration file (site.yaml at the
// top of the content folder). Every field has a default so a folder of
// Markdown files alone is a valid site.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"kbsite/generator/diag"
	"kbsite/generator/yamlpos"

	"go.yaml.in/yaml/v3"
)

// FileName is the name of the configuration file inside the content folder.
const FileName = "site.yaml"

// Site is the site-wide configuration.
type Site struct {
	Title       string `yaml:"title"`
	Description string `yaml:"description"`
	// BaseURL is the absolute URL the site is published at. It is optional:
	// without it the site uses only relative links and emits nothing (sitemap,
	// feed, canonical links) that needs an absolute one.
	BaseURL string `yaml:"base_url"`
	// RawHTML lets raw HTML in Markdown through. Off by default: articles are
	// written by many people and read by the public.
	RawHTML bool `yaml:"raw_html"`
	// Products maps product slugs used in front matter to display names.
	Products map[string]string `yaml:"products"`
	// Language is the default language of articles that do not set lang.
	Language string `yaml:"language"`
	// DeriveIDs gives articles without an id one derived from their path.
	// It is on by default for folders without a site.yaml (foreign content).
	DeriveIDs *bool `yaml:"derive_ids"`
	// RecentCount is how many recently updated articles the home page lists.
	RecentCount int `yaml:"recent_count"`
	// SupportURL is where troubleshooters send readers they cannot help
	// ([!ESCALATE] outcomes link to it): an http(s) or mailto: URL.
	SupportURL string `yaml:"support_url"`
}

// Default returns the configuration used when no site.yaml exists.
func Default() Site {
	return Site{Title: "Knowledge Base", Language: "en", RecentCount: 8}
}

// Load reads dir/site.yaml. A missing file yields the defaults (with ID
// derivation on, since such a folder is foreign content). Problems are
// reported to dl with positions; the returned config is always usable.
func Load(dir string, dl *diag.List) Site {
	s := Default()
	path := filepath.Join(dir, FileName)
	src, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		on := true
		s.DeriveIDs = &on
		return s
	}
	if err != nil {
		dl.Errorf(path, 0, 0, "cannot read site configuration: %v", err)
		return s
	}
	var root yaml.Node
	if err := yaml.Unmarshal(src, &root); err != nil {
		line, msg := yamlpos.Split(err)
		dl.Errorf(path, line, 0, "invalid YAML: %s", msg)
		return s
	}
	if len(root.Content) == 0 {
		return s
	}
	doc := root.Content[0]
	if doc.Kind != yaml.MappingNode {
		dl.Errorf(path, doc.Line, doc.Column, "site configuration must be a mapping of keys to values")
		return s
	}
	known := yamlpos.Fields(s)
	for i := 0; i+1 < len(doc.Content); i += 2 {
		k := doc.Content[i]
		if !known[k.Value] {
			dl.Warnf(path, k.Line, k.Column, "unknown key %q in site configuration", k.Value)
		}
	}
	if err := doc.Decode(&s); err != nil {
		line, msg := yamlpos.Split(err)
		dl.Errorf(path, line, 0, "%s", msg)
		return s
	}
	if s.Language == "" {
		s.Language = "en"
	}
	if s.RecentCount <= 0 {
		s.RecentCount = 8
	}
	if s.BaseURL != "" {
		u, err := url.Parse(s.BaseURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			dl.Errorf(path, 0, 0, "base_url %q must be an absolute http or https URL", s.BaseURL)
			s.BaseURL = ""
		}
	}
	s.BaseURL = NormalizeBaseURL(s.BaseURL)
	if s.SupportURL != "" && !supportURLOK(s.SupportURL) {
		v := valueNode(doc, "support_url")
		dl.Errorf(path, v.Line, v.Column, "support_url %q must be an absolute http or https URL, or a mailto: address", s.SupportURL)
		s.SupportURL = ""
	}
	return s
}

// valueNode is the value of key in a mapping node (which must have it).
func valueNode(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return m
}

// supportURLOK accepts the URLs a support link may have.
func supportURLOK(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil {
		return false
	}
	switch u.Scheme {
	case "http", "https":
		return u.Host != ""
	case "mailto":
		return u.Opaque != ""
	}
	return false
}

// NormalizeBaseURL makes a base URL end in exactly one slash ("" stays "").
func NormalizeBaseURL(u string) string {
	if u == "" {
		return ""
	}
	return strings.TrimRight(u, "/") + "/"
}

// ProductName returns the display name of a product slug.
func (s Site) ProductName(slug string) string {
	if n, ok := s.Products[slug]; ok && n != "" {
		return n
	}
	return slug
}

// ValidateBaseURL checks a base URL given on the command line.
func ValidateBaseURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("--base-url %q must be an absolute http or https URL", raw)
	}
	return nil
}
