package main

import (
	"reflect"
	"testing"
	"time"

	"kbsite/generator/internal/bench/measure"
)

func TestParseSizes(t *testing.T) {
	got, err := parseSizes("10k, 1000,,100K")
	if err != nil || !reflect.DeepEqual(got, []int{1000, 10000, 100000}) {
		t.Errorf("parseSizes = %v, %v", got, err)
	}
	for _, bad := range []string{"x", "0", "-5", "1.5k"} {
		if _, err := parseSizes(bad); err == nil {
			t.Errorf("parseSizes(%q) accepted", bad)
		}
	}
}

func TestParseStages(t *testing.T) {
	k := parseStages(measure.Result{Stderr: "kbsite: parse 120ms 181% cpu\nnoise\nkbsite: search files 3ms\nkbsite: parse 5ms\nkbsite: wrote 12 files\n"})
	if !reflect.DeepEqual(k.order, []string{"parse", "search files"}) {
		t.Errorf("order = %v", k.order)
	}
	if k.stages["parse"] != 125*time.Millisecond || k.stages["search files"] != 3*time.Millisecond || len(k.stages) != 2 {
		t.Errorf("stages = %v", k.stages)
	}
	if k.cpu["parse"] != 181 || k.cpu["search files"] != 0 {
		t.Errorf("cpu = %v", k.cpu)
	}
}

func TestParseCorpora(t *testing.T) {
	got, err := parseCorpora(" wsl,,kb-support ")
	if err != nil || !reflect.DeepEqual(got, []string{"wsl", "kb-support"}) {
		t.Errorf("parseCorpora = %v, %v", got, err)
	}
	for _, bad := range []string{"../etc", "a/b", ".."} {
		if _, err := parseCorpora(bad); err == nil {
			t.Errorf("parseCorpora(%q) accepted", bad)
		}
	}
}
