// Package yamlpos holds the small helpers the front matter and configuration
// readers share for turning YAML problems into located diagnostics.
package yamlpos

import (
	"reflect"
	"regexp"
	"strconv"
	"strings"
)

var lineRe = regexp.MustCompile(`^yaml: (?:unmarshal errors:\n\s*)?line (\d+): (.*)$`)

// Split takes a yaml.v3 error and returns the 1-based line it names (0 when
// it names none) and the message without the "yaml: line N:" prefix.
func Split(err error) (int, string) {
	msg := err.Error()
	if m := lineRe.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		return n, firstLine(m[2])
	}
	return 0, firstLine(strings.TrimPrefix(msg, "yaml: "))
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// Fields returns the set of yaml tag names of a struct value's fields.
func Fields(v any) map[string]bool {
	t := reflect.TypeOf(v)
	out := make(map[string]bool, t.NumField())
	for i := 0; i < t.NumField(); i++ {
		tag := strings.Split(t.Field(i).Tag.Get("yaml"), ",")[0]
		if tag != "" && tag != "-" {
			out[tag] = true
		}
	}
	return out
}
