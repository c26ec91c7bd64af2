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

// FieldPtrs returns, by yaml tag name, a pointer to each field of the
// struct that ptr points to, so that a mapping can be decoded key by key
// and a value of the wrong type reported at its own position and key.
func FieldPtrs(ptr any) map[string]any {
	v := reflect.ValueOf(ptr).Elem()
	out := make(map[string]any, v.NumField())
	for i := 0; i < v.NumField(); i++ {
		tag := strings.Split(v.Type().Field(i).Tag.Get("yaml"), ",")[0]
		if tag != "" && tag != "-" {
			out[tag] = v.Field(i).Addr().Interface()
		}
	}
	return out
}
