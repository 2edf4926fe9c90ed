package nlp

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
)

// The entity tagger and the pronoun ranker are linear models over hashed
// features, trained as averaged perceptrons: cheap to train on a treebank of
// a hundred thousand words, cheap to run (a few dozen map lookups a
// token), and small once the rarely used features are dropped.

// feature hashing: FNV-1a over a template number and its string parts, so
// extraction allocates nothing.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

type fhash uint64

func fstart(template byte) fhash {
	return (fhash(fnvOffset) ^ fhash(template)) * fnvPrime
}

func (h fhash) str(s string) fhash {
	for i := 0; i < len(s); i++ {
		h = (h ^ fhash(s[i])) * fnvPrime
	}
	return (h ^ 0xff) * fnvPrime // separator, so ("ab","c") != ("a","bc")
}

func (h fhash) num(n int) fhash {
	return (h ^ fhash(uint64(n)&0xffff) ^ 0xa5) * fnvPrime
}

// linearModel scores classes: score[c] = sum of w[f][c] over features f.
type linearModel struct {
	classes int
	idx     map[fhash]int32 // feature -> offset into w
	w       []float32
}

func (m *linearModel) scores(feats []fhash, out []float32) {
	for c := range out {
		out[c] = 0
	}
	for _, f := range feats {
		if o, ok := m.idx[f]; ok {
			ws := m.w[o : o+int32(m.classes)]
			for c := range out {
				out[c] += ws[c]
			}
		}
	}
}

// perceptron is the training form of a linearModel, with the sums that
// averaging needs (updated lazily: a weight's sum catches up when it moves).
type perceptron struct {
	classes int
	w       map[fhash]*pweights
	step    int
}

type pweights struct {
	w, sum []float64
	at     []int
	seen   int
}

func newPerceptron(classes int) *perceptron {
	return &perceptron{classes: classes, w: map[fhash]*pweights{}}
}

func (p *perceptron) scores(feats []fhash, out []float64) {
	for c := range out {
		out[c] = 0
	}
	for _, f := range feats {
		if pw := p.w[f]; pw != nil {
			for c := range out {
				out[c] += pw.w[c]
			}
		}
	}
}

// update moves the weights of feats by delta for class c.
func (p *perceptron) update(feats []fhash, c int, delta float64) {
	for _, f := range feats {
		pw := p.w[f]
		if pw == nil {
			pw = &pweights{w: make([]float64, p.classes), sum: make([]float64, p.classes), at: make([]int, p.classes)}
			p.w[f] = pw
		}
		pw.sum[c] += float64(p.step-pw.at[c]) * pw.w[c]
		pw.at[c] = p.step
		pw.w[c] += delta
		pw.seen++
	}
}

// tick counts one training example (the clock that averaging uses).
func (p *perceptron) tick() { p.step++ }

// average returns the averaged model, keeping features that were updated at
// least minSeen times and whose averaged weights are not all near zero.
// Keys are visited in sorted order, so the result does not depend on map
// order.
func (p *perceptron) average(minSeen int) *linearModel {
	keys := make([]fhash, 0, len(p.w))
	for k := range p.w {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	m := &linearModel{classes: p.classes, idx: map[fhash]int32{}}
	row := make([]float32, p.classes)
	for _, k := range keys {
		pw := p.w[k]
		if pw.seen < minSeen {
			continue
		}
		keep := false
		for c := 0; c < p.classes; c++ {
			sum := pw.sum[c] + float64(p.step-pw.at[c])*pw.w[c]
			v := float32(sum / float64(max(p.step, 1)))
			if math.Abs(float64(v)) < 1e-4 {
				v = 0
			} else {
				keep = true
			}
			row[c] = v
		}
		if keep {
			m.idx[k] = int32(len(m.w))
			m.w = append(m.w, row...)
		}
	}
	return m
}

// averageModels averages models of one shape feature by feature (a
// feature a model lacks counts as zero there).
func averageModels(ms []*linearModel) *linearModel {
	if len(ms) == 1 {
		return ms[0]
	}
	keySet := map[fhash]bool{}
	for _, m := range ms {
		for k := range m.idx {
			keySet[k] = true
		}
	}
	keys := make([]fhash, 0, len(keySet))
	for k := range keySet {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	classes := ms[0].classes
	out := &linearModel{classes: classes, idx: make(map[fhash]int32, len(keys)), w: make([]float32, 0, len(keys)*classes)}
	row := make([]float64, classes)
	for _, k := range keys {
		for c := range row {
			row[c] = 0
		}
		for _, m := range ms {
			if o, ok := m.idx[k]; ok {
				for c := range row {
					row[c] += float64(m.w[o+int32(c)])
				}
			}
		}
		out.idx[k] = int32(len(out.w))
		for c := range row {
			out.w = append(out.w, float32(row[c]/float64(len(ms))))
		}
	}
	return out
}

// writeTo appends the model in a fixed binary form: class count, feature
// count, then each feature key (sorted) and its weights.
func (m *linearModel) writeTo(w io.Writer) error {
	keys := make([]fhash, 0, len(m.idx))
	for k := range m.idx {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	hdr := []uint32{uint32(m.classes), uint32(len(keys))}
	if err := binary.Write(w, binary.LittleEndian, hdr); err != nil {
		return err
	}
	buf := make([]byte, 8+4*m.classes)
	for _, k := range keys {
		binary.LittleEndian.PutUint64(buf, uint64(k))
		o := m.idx[k]
		for c := 0; c < m.classes; c++ {
			binary.LittleEndian.PutUint32(buf[8+4*c:], math.Float32bits(m.w[o+int32(c)]))
		}
		if _, err := w.Write(buf); err != nil {
			return err
		}
	}
	return nil
}

func readLinearModel(r io.Reader) (*linearModel, error) {
	var hdr [2]uint32
	if err := binary.Read(r, binary.LittleEndian, &hdr); err != nil {
		return nil, err
	}
	classes, n := int(hdr[0]), int(hdr[1])
	if classes <= 0 || classes > 256 || n > 1<<24 {
		return nil, fmt.Errorf("linear model header: %d classes, %d features", classes, n)
	}
	m := &linearModel{classes: classes, idx: make(map[fhash]int32, n), w: make([]float32, 0, n*classes)}
	buf := make([]byte, 8+4*classes)
	for i := 0; i < n; i++ {
		if _, err := io.ReadFull(r, buf); err != nil {
			return nil, err
		}
		m.idx[fhash(binary.LittleEndian.Uint64(buf))] = int32(len(m.w))
		for c := 0; c < classes; c++ {
			m.w = append(m.w, math.Float32frombits(binary.LittleEndian.Uint32(buf[8+4*c:])))
		}
	}
	return m, nil
}

// modelWriter and modelReader frame a model file: gzip (no name, no time,
// so the bytes depend only on the content) around strings, counts and
// linear models.
type modelWriter struct {
	buf bytes.Buffer
	err error
}

func (w *modelWriter) str(s string) {
	w.u32(uint32(len(s)))
	w.buf.WriteString(s)
}

func (w *modelWriter) u32(v uint32) {
	var b [4]byte
	binary.LittleEndian.PutUint32(b[:], v)
	w.buf.Write(b[:])
}

func (w *modelWriter) model(m *linearModel) {
	if w.err == nil {
		w.err = m.writeTo(&w.buf)
	}
}

func (w *modelWriter) bytes() ([]byte, error) {
	if w.err != nil {
		return nil, w.err
	}
	var out bytes.Buffer
	z, err := gzip.NewWriterLevel(&out, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := z.Write(w.buf.Bytes()); err != nil {
		return nil, err
	}
	if err := z.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

type modelReader struct {
	r   *bytes.Reader
	err error
}

func newModelReader(data []byte) (*modelReader, error) {
	z, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	raw, err := io.ReadAll(z)
	if err != nil {
		return nil, err
	}
	return &modelReader{r: bytes.NewReader(raw)}, nil
}

func (r *modelReader) u32() uint32 {
	var b [4]byte
	if r.err == nil {
		_, r.err = io.ReadFull(r.r, b[:])
	}
	return binary.LittleEndian.Uint32(b[:])
}

func (r *modelReader) str() string {
	n := r.u32()
	if r.err != nil {
		return ""
	}
	if int(n) > r.r.Len() {
		r.err = errors.New("string longer than the file")
		return ""
	}
	b := make([]byte, n)
	_, r.err = io.ReadFull(r.r, b)
	return string(b)
}

func (r *modelReader) model() *linearModel {
	if r.err != nil {
		return nil
	}
	m, err := readLinearModel(r.r)
	r.err = err
	return m
}
