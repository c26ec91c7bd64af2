package site

import (
	"reflect"
	"testing"
)

// TestPageModelEmbedsNothing: templates read the page model by field name,
// and text/template finds a promoted field of an embedded struct by a
// search that allocates on every access, on every page. So no struct a
// template can reach from Page embeds another.
func TestPageModelEmbedsNothing(t *testing.T) {
	seen := map[reflect.Type]bool{}
	var walk func(reflect.Type, string)
	walk = func(ty reflect.Type, path string) {
		for ty.Kind() == reflect.Pointer || ty.Kind() == reflect.Slice || ty.Kind() == reflect.Array || ty.Kind() == reflect.Map {
			ty = ty.Elem()
		}
		if ty.Kind() != reflect.Struct || seen[ty] || ty.PkgPath() == "time" {
			return
		}
		seen[ty] = true
		for i := 0; i < ty.NumField(); i++ {
			f := ty.Field(i)
			if !f.IsExported() {
				continue
			}
			if f.Anonymous {
				t.Errorf("%s embeds %s", path, f.Type)
			}
			walk(f.Type, path+"."+f.Name)
		}
	}
	walk(reflect.TypeOf(Page{}), "Page")
	if len(seen) < 8 {
		t.Errorf("walked only %d struct types", len(seen))
	}
}
