package nlp

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
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
	// The lookup table: open addressing on the hash, each slot holding the
	// feature's entries' place, and the entries packed class-and-weight, so
	// that a feature costs two memory reads (the models are larger than
	// the processor's caches, and reading them is most of the analysis).
	mask    uint64
	slots   []slot
	entries []entry
}

type slot struct {
	key   uint64 // 0 when empty
	start uint32
	n     uint32
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

// accumulate adds the integer weights of feats into acc.
func (m *classifier) accumulate(feats []uint64, acc []int32) {
	for _, f := range feats {
		if f == 0 {
			f = 1
		}
		for i := f & m.mask; ; i = (i + 1) & m.mask {
			s := &m.slots[i]
			if s.key == f {
				for _, e := range m.entries[s.start : s.start+s.n] {
					acc[e.c] += int32(e.w)
				}
				break
			}
			if s.key == 0 {
				break
			}
		}
	}
}

// find is where feature f's entries are (start, count; count 0 when the
// model does not have f). f is not 0.
func (m *classifier) find(f uint64) (uint32, uint32) {
	for i := f & m.mask; ; i = (i + 1) & m.mask {
		s := &m.slots[i]
		if s.key == f {
			return s.start, s.n
		}
		if s.key == 0 {
			return 0, 0
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

// index builds the hash table, at most two-thirds full so that linear
// probing stays short.
func (m *classifier) index() {
	size := uint64(16)
	for size*2 < uint64(len(m.keys))*3 {
		size *= 2
	}
	m.mask = size - 1
	m.slots = make([]slot, size)
	m.entries = make([]entry, len(m.cls))
	for i := range m.entries {
		m.entries[i] = entry{w: m.wts[i], c: uint16(m.cls[i])}
	}
	for i, k := range m.keys {
		s := k & m.mask
		for m.slots[s].key != 0 {
			s = (s + 1) & m.mask
		}
		m.slots[s] = slot{key: k, start: m.start[i], n: m.start[i+1] - m.start[i]}
	}
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
