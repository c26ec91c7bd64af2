package docfx

import (
	"fmt"
	"strings"
	"time"
	"unicode"
)

// knownKeys are DocFX and Microsoft Learn metadata keys that kbsite
// accepts without a warning: they drive the publishing pipeline there and
// mean nothing here, or are read by Fields.
var knownKeys = map[string]bool{
	"author": true, "ms.author": true, "manager": true, "ms.reviewer": true, "msreviewer": true,
	"ms.custom": true, "no-loc": true, "audience": true, "localization_priority": true,
	"ms.localizationpriority": true, "ms.date": true, "ms.data": true, "ms.topic": true,
	"ms.service": true, "ms.subservice": true, "ms.prod": true, "ms.technology": true,
	"ms.collection": true, "ms.assetid": true, "ms.devlang": true, "ms.workload": true,
	"ms.prod-support-area-path": true, "appliesto": true, "titlesuffix": true,
	"ms.search.form": true, "search.appverid": true, "f1_keywords": true, "helpviewer_keywords": true,
	"dev_langs": true, "robots": true, "ms.contentlocale": true, "ms.translationtype": true,
	"adobe-target": true, "ai.usage": true, "ai-usage": true, "recommendations": true,
	"feedback_system": true, "feedback_product_url": true, "uid": true, "zone_pivot_groups": true,
	"keywords": true, "description": true,
}

// KnownKey reports whether key is DocFX metadata kbsite accepts silently.
// Keys a repository keeps from older pipelines ("old_manager") count too.
func KnownKey(key string) bool {
	k := strings.ToLower(key)
	return knownKeys[k] || strings.HasPrefix(k, "old_") || strings.HasPrefix(k, "ms.search.")
}

// Fields is what kbsite reads from DocFX metadata.
type Fields struct {
	Updated  time.Time // ms.date (ms.data, a common misspelling, too)
	Topic    string    // ms.topic: the article type (troubleshooting, how-to, ...)
	Products []string  // ms.service, else ms.prod, then ms.subservice
}

// ReadFields takes the DocFX keys of one front matter, by lower-cased key.
// A date that cannot be read is a problem naming the key; the rest is
// taken as written.
func ReadFields(meta map[string]string) (Fields, []string) {
	var f Fields
	var problems []string
	for _, key := range []string{"ms.date", "ms.data"} {
		v := strings.TrimSpace(meta[key])
		if v == "" || !f.Updated.IsZero() {
			continue
		}
		t, err := ParseDate(v)
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s %q is not a date; DocFX writes it as MM/DD/YYYY", key, v))
			continue
		}
		f.Updated = t
	}
	f.Topic = Slug(meta["ms.topic"])
	for _, key := range []string{"ms.service", "ms.prod"} {
		if s := Slug(meta[key]); s != "" {
			f.Products = append(f.Products, s)
			break
		}
	}
	if s := Slug(meta["ms.subservice"]); s != "" && len(f.Products) == 1 && s != f.Products[0] {
		f.Products = append(f.Products, f.Products[0]+"-"+s)
	}
	return f, problems
}

// ParseDate reads DocFX's MM/DD/YYYY dates (a single-digit month or day,
// and ISO YYYY-MM-DD, are accepted too).
func ParseDate(s string) (time.Time, error) {
	for _, layout := range []string{"01/02/2006", "1/2/2006", "2006-01-02"} {
		if t, err := time.Parse(layout, strings.TrimSpace(s)); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a date", s)
}

// SplitKeywords splits DocFX's comma-separated keywords ("wsl, linux,
// bash") into one keyword each.
func SplitKeywords(vals []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, v := range vals {
		for _, k := range strings.Split(v, ",") {
			k = strings.TrimSpace(k)
			if k != "" && !seen[strings.ToLower(k)] {
				seen[strings.ToLower(k)] = true
				out = append(out, k)
			}
		}
	}
	return out
}

// Slug makes a metadata value usable as a product or topic slug:
// lower-case, runs of other characters than letters and digits one "-".
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(strings.TrimSpace(s)) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		} else {
			dash = true
		}
	}
	return b.String()
}

// DisplayName turns a slug into a title for listings when the site gives
// none: "windows-server" is "Windows Server"; short all-letter words such
// as "rds" or "dns" are upper-cased.
func DisplayName(slug string) string {
	words := strings.Split(slug, "-")
	for i, w := range words {
		switch {
		case len(w) <= 3 && !strings.ContainsAny(w, "aeiou"):
			words[i] = strings.ToUpper(w)
		case w != "":
			words[i] = strings.ToUpper(w[:1]) + w[1:]
		}
	}
	return strings.Join(words, " ")
}

// topicNames are the names of common ms.topic values where the value
// itself reads badly; "article" says nothing, so it has none.
var topicNames = map[string]string{
	"faq": "FAQ", "how-to": "How-to guide", "article": "", "concept-article": "Concept", "conceptual": "Concept",
	"install-set-up-deploy": "Installation", "troubleshooting-general": "Troubleshooting", "whats-new": "What’s new",
}

// TopicName is how a page names its article type (ms.topic, as Fields
// slugs it): "how-to" is "How-to guide", other values are in sentence case
// ("release-notes" is "Release notes").
func TopicName(topic string) string {
	if n, ok := topicNames[topic]; ok {
		return n
	}
	s := strings.ReplaceAll(topic, "-", " ")
	if s == "" {
		return ""
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// TypeName is how search names an article type: as its page does
// (TopicName), or from the slug where the page names none ("article" is
// "Article").
func TypeName(topic string) string {
	if n := TopicName(topic); n != "" || topic == "" {
		return n
	}
	return DisplayName(topic)
}
