package nlp

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"math/bits"
	"slices"
	"unsafe"
)

// classifier is a trained linear classifier as the analysis reads it:
// features in ascending hash order, each with a run of (class, 16-bit
// weight) entries, and an open-addressing table from hash to feature. It
// is written by the trainer and read back without per-feature allocation.
type classifier struct {
	classes []string
	scale   float32
	keys    []uint64 // features, ascending
	start   []uint32 // entries of feature i: start[i] to start[i+1]
	cls     []uint8
	wts     []int16
	// The lookup table (index): the models are larger than the
	// processor's caches, and reading them is most of the analysis, so a
	// feature's weights sit in its slot of the table, and looking a
	// feature up reads one cache line where it can. A model of at most
	// denseClasses classes (the parser's moves) has one weight per class
	// in a 16-byte slot; a model of more (the tagger, the labels) has its
	// feature's first inlineEntries entries in a 32-byte slot and the rest
	// in spill. Either table is a run of cache-line buckets: a feature's
	// home is the start of a bucket, and linear probing goes on from there
	// to the first empty slot, which the table always ends with.
	buckets uint64 // home bucket count
	dense   []denseSlot
	slots   []sparseSlot
	spill   []entry
}

const (
	denseClasses  = 4
	inlineEntries = 4
	// The tables' fill: a lookup of a feature the model does not have (a
	// fifth to a third of them) reads on to the first empty slot, and a
	// fuller table is smaller and so more of it stays in the cache.
	tableLoad = 0.7
)

// The slots of a bucket: a cache line's worth.
const (
	denseBucket  = uint64(64 / unsafe.Sizeof(denseSlot{}))
	sparseBucket = uint64(64 / unsafe.Sizeof(sparseSlot{}))
)

type denseSlot struct {
	key uint64 // 0 when empty
	w   [denseClasses]int16
}

type sparseSlot struct {
	key   uint64 // 0 when empty
	start uint32 // entries past the inline ones: spill[start:start+n-inlineEntries]
	n     uint16
	_     uint16
	e     [inlineEntries]entry // unused ones add 0 to class 0
}

type entry struct {
	w int16
	c uint16
}

// scores fills out (len(classes)) with the classes' scores for feats.
func (m *classifier) scores(feats []uint64, out []float32) {
	acc := make([]int32, len(out))
	m.accumulate(feats, acc)
	for i, v := range acc {
		out[i] = float32(v) * m.scale
	}
}

// home is the first slot of feature f's bucket (perBucket slots a bucket).
func (m *classifier) home(f uint64, perBucket uint64) uint64 {
	hi, _ := bits.Mul64(f^f>>29, m.buckets)
	return hi * perBucket
}

// accumulate adds the integer weights of feats into acc.
func (m *classifier) accumulate(feats []uint64, acc []int32) {
	switch {
	case m.dense != nil:
		m.accumulateDense(feats, acc)
	case m.slots != nil:
		m.accumulateSparse(feats, acc)
	default:
		m.accumulateSorted(feats, acc)
	}
}

// lookAhead is how many features accumulate finds the slots of before it
// reads them: the first pass only loads each feature's home slot, with no
// branch on what it finds, so that the processor fetches the cache lines
// side by side rather than one after the other, and the second pass reads
// them from the cache.
const lookAhead = 64

func (m *classifier) accumulateDense(feats []uint64, acc []int32) {
	var sum [denseClasses]int32
	var at [lookAhead]uint64
	var first [lookAhead]uint64
	for len(feats) > 0 {
		chunk := feats[:min(len(feats), lookAhead)]
		feats = feats[len(chunk):]
		for j, f := range chunk {
			if f == 0 {
				f = 1
			}
			i := m.home(f, denseBucket)
			at[j], first[j] = i, m.dense[i].key
		}
		for j, f := range chunk {
			if f == 0 {
				f = 1
			}
			i, k := at[j], first[j]
			for k != f && k != 0 {
				i++
				k = m.dense[i].key
			}
			if k == f {
				w := &m.dense[i].w
				sum[0] += int32(w[0])
				sum[1] += int32(w[1])
				sum[2] += int32(w[2])
				sum[3] += int32(w[3])
			}
		}
	}
	for c := range acc {
		acc[c] += sum[c]
	}
}

func (m *classifier) accumulateSparse(feats []uint64, acc []int32) {
	var at [lookAhead]uint64
	var first [lookAhead]uint64
	var spill [lookAhead]entry
	for len(feats) > 0 {
		chunk := feats[:min(len(feats), lookAhead)]
		feats = feats[len(chunk):]
		for j, f := range chunk {
			if f == 0 {
				f = 1
			}
			i := m.home(f, sparseBucket)
			at[j], first[j] = i, m.slots[i].key
		}
		// The second pass finds the slots and loads the first spilled
		// entry of those that have more, so that those lines too are
		// fetched side by side.
		for j, f := range chunk {
			if f == 0 {
				f = 1
			}
			i, k := at[j], first[j]
			for k != f && k != 0 {
				i++
				k = m.slots[i].key
			}
			if k != f {
				at[j] = math.MaxUint64
				continue
			}
			at[j] = i
			if s := &m.slots[i]; s.n > inlineEntries {
				spill[j] = m.spill[s.start]
			}
		}
		for j := range chunk {
			if at[j] == math.MaxUint64 {
				continue
			}
			s := &m.slots[at[j]]
			for _, e := range s.e {
				acc[e.c] += int32(e.w)
			}
			if s.n > inlineEntries {
				acc[spill[j].c] += int32(spill[j].w)
				for _, e := range m.spill[s.start+1 : s.start+uint32(s.n)-inlineEntries] {
					acc[e.c] += int32(e.w)
				}
			}
		}
	}
}

// accumulateSorted is accumulate by binary search in the sorted features:
// what a classifier without its table reads by.
func (m *classifier) accumulateSorted(feats []uint64, acc []int32) {
	for _, f := range feats {
		if f == 0 {
			f = 1
		}
		if i, ok := slices.BinarySearch(m.keys, f); ok {
			for e := m.start[i]; e < m.start[i+1]; e++ {
				acc[m.cls[e]] += int32(m.wts[e])
			}
		}
	}
}

type classifierBuilder struct {
	classes []string
	scale   float32
	keys    []uint64
	start   []uint32
	cls     []uint8
	wts     []int16
}

func newClassifierBuilder(classes []string, scale float32) *classifierBuilder {
	return &classifierBuilder{classes: classes, scale: scale, start: []uint32{0}}
}

// add appends a feature; features come in ascending hash order.
func (b *classifierBuilder) add(key uint64, cls []uint8, wts []int16) {
	if key == 0 {
		key = 1
	}
	b.keys = append(b.keys, key)
	b.cls = append(b.cls, cls...)
	b.wts = append(b.wts, wts...)
	b.start = append(b.start, uint32(len(b.cls)))
}

func (b *classifierBuilder) build() *classifier {
	m := &classifier{classes: b.classes, scale: b.scale, keys: b.keys, start: b.start, cls: b.cls, wts: b.wts}
	m.index()
	return m
}

// index builds the lookup table: one weight per class in the slot when
// the model has at most denseClasses classes (and a feature's weights for
// a class fit 16 bits), else the sparse slots.
func (m *classifier) index() {
	if len(m.classes) <= denseClasses && m.indexDense() {
		return
	}
	m.indexSparse()
}

func (m *classifier) indexDense() bool {
	m.buckets = tableBuckets(len(m.keys), denseBucket)
	m.dense = make([]denseSlot, denseBucket*m.buckets+1)
	for k, f := range m.keys {
		var w [denseClasses]int32
		for e := m.start[k]; e < m.start[k+1]; e++ {
			w[m.cls[e]] += int32(m.wts[e])
		}
		var s denseSlot
		s.key = f
		for c, v := range w {
			if v != int32(int16(v)) {
				m.buckets, m.dense = 0, nil
				return false
			}
			s.w[c] = int16(v)
		}
		i := m.home(f, denseBucket)
		for m.dense[i].key != 0 {
			i++
		}
		m.dense[i] = s
		if i+1 == uint64(len(m.dense)) {
			m.dense = append(m.dense, denseSlot{})
		}
	}
	return true
}

func (m *classifier) indexSparse() {
	m.buckets = tableBuckets(len(m.keys), sparseBucket)
	m.slots = make([]sparseSlot, sparseBucket*m.buckets+1)
	spill := 0
	for k := range m.keys {
		spill += max(int(m.start[k+1]-m.start[k])-inlineEntries, 0)
	}
	m.spill = make([]entry, 0, spill)
	for k, f := range m.keys {
		s := sparseSlot{key: f, start: uint32(len(m.spill)), n: uint16(m.start[k+1] - m.start[k])}
		for j, e := 0, m.start[k]; e < m.start[k+1]; j, e = j+1, e+1 {
			en := entry{w: m.wts[e], c: uint16(m.cls[e])}
			if j < inlineEntries {
				s.e[j] = en
			} else {
				m.spill = append(m.spill, en)
			}
		}
		i := m.home(f, sparseBucket)
		for m.slots[i].key != 0 {
			i++
		}
		m.slots[i] = s
		if i+1 == uint64(len(m.slots)) {
			m.slots = append(m.slots, sparseSlot{})
		}
	}
}

// tableBuckets is the bucket count (perBucket slots each) that holds n
// features at tableLoad.
func tableBuckets(n int, perBucket uint64) uint64 {
	return max(uint64(math.Ceil(float64(n)/tableLoad/float64(perBucket))), 1)
}

// The file format, little-endian: "QLM2", class count, each class as a
// length-prefixed string, scale (float32 bits), feature count, entry
// count, then the feature hashes in ascending order, each feature's entry
// count (uint16), and the entries' classes and weights.
const classifierMagic = "QLM2"

func (m *classifier) writeTo(w io.Writer) error {
	e := &binWriter{w: w}
	e.bytes([]byte(classifierMagic))
	e.u32(uint32(len(m.classes)))
	for _, c := range m.classes {
		e.u32(uint32(len(c)))
		e.bytes([]byte(c))
	}
	e.u32(math.Float32bits(m.scale))
	e.u32(uint32(len(m.keys)))
	e.u32(uint32(len(m.cls)))
	buf := make([]byte, 0, 8*len(m.keys))
	for _, k := range m.keys {
		buf = binary.LittleEndian.AppendUint64(buf, k)
	}
	e.bytes(buf)
	buf = buf[:0]
	for i := range m.keys {
		buf = binary.LittleEndian.AppendUint16(buf, uint16(m.start[i+1]-m.start[i]))
	}
	e.bytes(buf)
	e.bytes(m.cls)
	buf = buf[:0]
	for _, v := range m.wts {
		buf = binary.LittleEndian.AppendUint16(buf, uint16(v))
	}
	e.bytes(buf)
	return e.err
}

// readClassifier reads a classifier from the bytes of its file.
func readClassifier(data []byte) (*classifier, error) {
	d := &binReader{data: data}
	if string(d.bytes(4)) != classifierMagic {
		return nil, errors.New("not a classifier file")
	}
	n := d.u32()
	if n > 256 {
		return nil, fmt.Errorf("bad class count %d", n)
	}
	m := &classifier{classes: make([]string, n)}
	for i := range m.classes {
		m.classes[i] = string(d.bytes(int(d.u32() & 0xffff)))
	}
	m.scale = math.Float32frombits(d.u32())
	nkeys, entries := int(d.u32()), int(d.u32())
	if d.err != nil || nkeys > 1<<26 || entries > 1<<30 {
		return nil, fmt.Errorf("bad sizes %d/%d: %v", nkeys, entries, d.err)
	}
	keys := d.bytes(8 * nkeys)
	counts := d.bytes(2 * nkeys)
	m.cls = d.bytes(entries)
	wts := d.bytes(2 * entries)
	if d.err != nil {
		return nil, d.err
	}
	m.keys = make([]uint64, nkeys)
	m.start = make([]uint32, nkeys+1)
	at := uint32(0)
	for i := range m.keys {
		m.keys[i] = binary.LittleEndian.Uint64(keys[8*i:])
		if m.keys[i] == 0 || (i > 0 && m.keys[i] <= m.keys[i-1]) {
			return nil, errors.New("feature hashes out of order")
		}
		at += uint32(binary.LittleEndian.Uint16(counts[2*i:]))
		m.start[i+1] = at
	}
	if at != uint32(entries) {
		return nil, errors.New("entry counts do not match the entries")
	}
	m.wts = make([]int16, entries)
	for i := range m.wts {
		m.wts[i] = int16(binary.LittleEndian.Uint16(wts[2*i:]))
	}
	for _, c := range m.cls {
		if int(c) >= len(m.classes) {
			return nil, fmt.Errorf("class %d out of range", c)
		}
	}
	m.index()
	return m, nil
}

type binWriter struct {
	w   io.Writer
	err error
}

func (e *binWriter) bytes(b []byte) {
	if e.err == nil {
		_, e.err = e.w.Write(b)
	}
}

func (e *binWriter) u32(v uint32) {
	var b [4]byte
	binary.LittleEndian.PutUint32(b[:], v)
	e.bytes(b[:])
}

// binReader reads from a byte slice, remembering the first error.
type binReader struct {
	data []byte
	err  error
}

func (d *binReader) bytes(n int) []byte {
	if d.err != nil || n < 0 || n > len(d.data) {
		if d.err == nil {
			d.err = io.ErrUnexpectedEOF
		}
		return make([]byte, max(n, 0))
	}
	b := d.data[:n:n]
	d.data = d.data[n:]
	return b
}

func (d *binReader) u32() uint32 {
	return binary.LittleEndian.Uint32(d.bytes(4))
}

// pruned is the classifier without the weights smaller than min (in the
// stored 16-bit units) and without the features left with none: most of a
// perceptron's features carry weights too small to change a decision.
func (m *classifier) pruned(min int16) *classifier {
	if min <= 1 {
		return m
	}
	b := newClassifierBuilder(m.classes, m.scale)
	var cls []uint8
	var wts []int16
	for i, k := range m.keys {
		cls, wts = cls[:0], wts[:0]
		for e := m.start[i]; e < m.start[i+1]; e++ {
			if w := m.wts[e]; w >= min || w <= -min {
				cls = append(cls, m.cls[e])
				wts = append(wts, w)
			}
		}
		if len(cls) > 0 {
			b.add(k, cls, wts)
		}
	}
	return b.build()
}

// meanClassifier is the mean of models over the same classes (a feature
// missing from one counts as zero there), quantized again to 16 bits:
// several training runs over the sentences in different orders give one
// model as large and as fast to read as a single run's.
func meanClassifier(models ...*classifier) *classifier {
	if len(models) == 1 {
		return models[0]
	}
	nclass := len(models[0].classes)
	rows := map[uint64][]float64{}
	for _, m := range models {
		for i, k := range m.keys {
			row := rows[k]
			if row == nil {
				row = make([]float64, nclass)
				rows[k] = row
			}
			for e := m.start[i]; e < m.start[i+1]; e++ {
				row[m.cls[e]] += float64(m.wts[e]) * float64(m.scale) / float64(len(models))
			}
		}
	}
	keys := make([]uint64, 0, len(rows))
	maxAbs := 0.0
	for k, row := range rows {
		keys = append(keys, k)
		for _, v := range row {
			maxAbs = math.Max(maxAbs, math.Abs(v))
		}
	}
	slices.Sort(keys)
	return quantizedClassifier(models[0].classes, keys, func(i int) []float64 { return rows[keys[i]] }, maxAbs)
}

// quantizedClassifier packs one row of weights per feature key, in the
// order of keys, into a classifier of 16-bit weights (maxAbs, the largest
// weight, becomes 32767); weights that round to zero are left out, and so
// is a key whose weights all do.
func quantizedClassifier(classes []string, keys []uint64, row func(i int) []float64, maxAbs float64) *classifier {
	if maxAbs == 0 {
		maxAbs = 1
	}
	scale := maxAbs / 32767
	b := newClassifierBuilder(classes, float32(scale))
	var cls []uint8
	var wts []int16
	for i, k := range keys {
		cls, wts = cls[:0], wts[:0]
		for c, v := range row(i) {
			if math.Abs(v) < scale/2 {
				continue
			}
			cls = append(cls, uint8(c))
			wts = append(wts, int16(math.Round(v/scale)))
		}
		if len(cls) > 0 {
			b.add(k, cls, wts)
		}
	}
	return b.build()
}
