package export

import (
	"slices"

	"kbsite/generator/search/fields"
	"kbsite/generator/search/format"
	"kbsite/generator/search/index"
)

// Update applies edits to the corpus (index.Corpus.Update), for serve
// mode, and returns the client index files to write (new files and files
// whose content changed, sorted by path) and the paths of files to delete,
// relative to what the last Export or Update wrote. A language never
// written, such as one that Update adds, is returned in full.
//
// Files: shard boundaries (the manifest's start keys) are kept, so a new
// key goes to the shard whose range holds it and only shards whose content
// changes are rewritten under a new hash; records keep the records version
// of the last Export, so a changed doc's record file is rewritten in place
// (serve mode serves with Cache-Control: no-cache), and the record file of
// a removed doc is deleted.
func (w *Writer) Update(changed []fields.Doc, removed []string) (write []File, remove []string) {
	byLang := map[*index.Lang]index.Changed{}
	for _, ch := range w.c.Update(changed, removed) {
		byLang[ch.Lang] = ch
	}
	for _, l := range w.c.Langs() {
		lf := w.lang(l)
		if lf.exp == nil {
			write = append(write, collect(lf.export)...)
			continue
		}
		if ch, ok := byLang[l]; ok {
			wr, rm := lf.update(ch)
			write = append(write, wr...)
			remove = append(remove, rm...)
		}
	}
	sortFiles(write)
	slices.Sort(remove)
	return write, remove
}

// update returns the files that the changes ch make to write and delete.
func (lc *langFiles) update(ch index.Changed) (write []File, remove []string) {
	exp := lc.exp
	write, remove = lc.updateShards(ch.Keys)
	for _, d := range ch.Gone {
		remove = append(remove, lc.path(format.RecordName(int(d), exp.recVer)))
	}
	for _, d := range ch.Records {
		data, _ := lc.recordFile(nil, int(d))
		lc.setRecordName(data, int(d), exp.recVer)
		write = append(write, File{Path: lc.path(format.RecordName(int(d), exp.recVer)), Data: data})
	}
	if ch.Products {
		var w []File
		var r []string
		w, r, exp.prods = lc.updateLists(exp.prods, lc.products(), format.ProdName)
		write, remove = append(write, w...), append(remove, r...)
		w, r, exp.types = lc.updateLists(exp.types, lc.types(), format.TypeListName)
		write, remove = append(write, w...), append(remove, r...)
	}
	w, r := lc.updateManifest(exp)
	return append(write, w...), append(remove, r...)
}

// updateShards updates the entries of changed keys and renders the shards
// whose content changed.
func (lc *langFiles) updateShards(keys map[string]bool) (write []File, remove []string) {
	exp := lc.exp
	dirty := map[int]bool{}
	for key := range keys {
		k := lc.route(key)
		so := exp.shards[k]
		ent := entry{key: key, word: lc.WordID(key), term: -1}
		if t, ok := lc.TermID(key); ok {
			ent.term = t
		}
		_, ent.id = lc.IDKeys()[key]
		i, found := slices.BinarySearchFunc(so.entries, key, func(x entry, k string) int { return format.Cmp16(x.key, k) })
		switch {
		case found:
			ent.id = ent.id || so.entries[i].id
			so.entries[i] = ent
		case ent.word >= 0 || ent.term >= 0 || ent.id:
			so.entries = slices.Insert(so.entries, i, ent)
		default:
			continue
		}
		dirty[k] = true
	}
	ks := make([]int, 0, len(dirty))
	for k := range dirty {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	for _, k := range ks {
		var r shardRenderer // its files are kept: not reused
		so := exp.shards[k]
		old, oldTails := so.hash, slices.Clone(so.tails)
		files := lc.renderShard(k, so, &r)
		if so.hash != old {
			write = append(write, files...)
			remove = append(remove, lc.path(format.ShardName(k, old)))
			remove = append(remove, unused(oldTails, so.tails)...)
		}
	}
	return write, remove
}

// unused returns the paths of old not in now.
func unused(old, now []string) []string {
	var out []string
	for _, p := range old {
		if !slices.Contains(now, p) {
			out = append(out, p)
		}
	}
	return out
}

// updateLists rewrites the product or type lists whose content changed:
// it returns the files to write and remove and the new lists.
func (lc *langFiles) updateLists(old []prodOut, lists []*product, name func(k int, hash string) string) (write []File, remove []string, out []prodOut) {
	had := map[string]bool{}
	for k, p := range old {
		had[lc.path(name(k, p.hash))] = true
	}
	for k, p := range lists {
		payload := format.AppendJSONString(nil, p.list)
		hs := format.ContentHash(payload)
		out = append(out, prodOut{p.name, p.slug, hs})
		path := lc.path(name(k, hs))
		if had[path] {
			delete(had, path)
			continue
		}
		write = append(write, File{Path: path, Data: format.FileData(lc.Key()+"/"+name(k, hs), payload)})
	}
	for path := range had {
		remove = append(remove, path)
	}
	return write, remove, out
}

// route returns the shard whose key range holds key.
func (lc *langFiles) route(key string) int {
	shards := lc.exp.shards
	return format.Route(len(shards), func(k int) string { return shards[k].start }, key)
}
