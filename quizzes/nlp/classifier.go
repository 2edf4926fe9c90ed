package nlp

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
)

// classifier is a trained linear classifier as the analysis reads it: an
// open-addressing table from feature hash to a sparse row of 16-bit class
// weights. It is built once by the trainer and read back byte for byte.
type classifier struct {
	classes []string
	scale   float32
	mask    uint64
	keys    []uint64 // slot -> feature hash, 0 when empty
	rows    []uint32 // slot -> first entry; entries of slot i end at rows[i+1]
	cls     []uint8
	wts     []int16
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
			k := m.keys[i]
			if k == f {
				for e := m.rows[i]; e < m.rows[i+1]; e++ {
					acc[m.cls[e]] += int32(m.wts[e])
				}
				break
			}
			if k == 0 {
				break
			}
		}
	}
}

type classifierBuilder struct {
	classes []string
	scale   float32
	keys    []uint64
	cls     [][]uint8
	wts     [][]int16
}

func newClassifierBuilder(classes []string, scale float32) *classifierBuilder {
	return &classifierBuilder{classes: classes, scale: scale}
}

func (b *classifierBuilder) add(key uint64, cls []uint8, wts []int16) {
	if key == 0 {
		key = 1
	}
	b.keys = append(b.keys, key)
	b.cls = append(b.cls, cls)
	b.wts = append(b.wts, wts)
}

func (b *classifierBuilder) build() *classifier {
	size := uint64(16)
	for size < uint64(len(b.keys))*2 {
		size *= 2
	}
	m := &classifier{classes: b.classes, scale: b.scale, mask: size - 1, keys: make([]uint64, size)}
	where := make([]int, size)
	for i, k := range b.keys {
		s := k & m.mask
		for m.keys[s] != 0 {
			s = (s + 1) & m.mask
		}
		m.keys[s] = k
		where[s] = i
	}
	m.rows = make([]uint32, size+1)
	for s := uint64(0); s < size; s++ {
		m.rows[s] = uint32(len(m.cls))
		if m.keys[s] != 0 {
			m.cls = append(m.cls, b.cls[where[s]]...)
			m.wts = append(m.wts, b.wts[where[s]]...)
		}
	}
	m.rows[size] = uint32(len(m.cls))
	return m
}

// The file format, little-endian: "QLM1", class count, each class as a
// length-prefixed string, scale (float32 bits), slot count, entry count,
// then keys, rows, classes and weights as flat arrays.
const classifierMagic = "QLM1"

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
	buf := make([]byte, 8*len(m.keys))
	for i, k := range m.keys {
		binary.LittleEndian.PutUint64(buf[8*i:], k)
	}
	e.bytes(buf)
	buf = make([]byte, 4*len(m.rows))
	for i, r := range m.rows {
		binary.LittleEndian.PutUint32(buf[4*i:], r)
	}
	e.bytes(buf)
	e.bytes(m.cls)
	buf = make([]byte, 2*len(m.wts))
	for i, v := range m.wts {
		binary.LittleEndian.PutUint16(buf[2*i:], uint16(v))
	}
	e.bytes(buf)
	return e.err
}

func readClassifier(r io.Reader) (*classifier, error) {
	d := &binReader{r: r}
	if string(d.bytes(4)) != classifierMagic {
		return nil, errors.New("not a linear model file")
	}
	n := d.u32()
	if n > 1<<16 {
		return nil, fmt.Errorf("bad class count %d", n)
	}
	m := &classifier{classes: make([]string, n)}
	for i := range m.classes {
		m.classes[i] = string(d.bytes(int(d.u32() & 0xffff)))
	}
	m.scale = math.Float32frombits(d.u32())
	slots, entries := int(d.u32()), int(d.u32())
	if d.err != nil || slots&(slots-1) != 0 || slots == 0 || slots > 1<<28 || entries > 1<<30 {
		return nil, fmt.Errorf("bad table size %d/%d: %v", slots, entries, d.err)
	}
	m.mask = uint64(slots - 1)
	buf := d.bytes(8 * slots)
	m.keys = make([]uint64, slots)
	for i := range m.keys {
		m.keys[i] = binary.LittleEndian.Uint64(buf[8*i:])
	}
	buf = d.bytes(4 * (slots + 1))
	m.rows = make([]uint32, slots+1)
	for i := range m.rows {
		m.rows[i] = binary.LittleEndian.Uint32(buf[4*i:])
	}
	m.cls = d.bytes(entries)
	buf = d.bytes(2 * entries)
	m.wts = make([]int16, entries)
	for i := range m.wts {
		m.wts[i] = int16(binary.LittleEndian.Uint16(buf[2*i:]))
	}
	if d.err != nil {
		return nil, d.err
	}
	for _, c := range m.cls {
		if int(c) >= len(m.classes) {
			return nil, fmt.Errorf("class %d out of range", c)
		}
	}
	if m.rows[slots] != uint32(entries) {
		return nil, errors.New("row table does not match entries")
	}
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

type binReader struct {
	r   io.Reader
	err error
}

func (d *binReader) bytes(n int) []byte {
	b := make([]byte, n)
	if d.err == nil {
		_, d.err = io.ReadFull(d.r, b)
	}
	return b
}

func (d *binReader) u32() uint32 {
	return binary.LittleEndian.Uint32(d.bytes(4))
}
