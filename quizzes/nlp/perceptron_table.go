package nlp

// rowTable maps a feature hash to its weight row (or, as a set, records
// that a feature was seen) while a model trains. It is open addressing
// with linear probing over two flat slices, doubled at half full: looking
// features up is most of the cost of a training pass, and a Go map spends
// about twice as long on it (docs/NLP.md, "Training").
type rowTable struct {
	keys    []uint64
	rows    []int32
	n       int
	mask    uint64
	hasZero bool // the hash 0 marks an empty slot, so its row is kept aside
	zeroRow int32
}

func newRowTable() *rowTable {
	const size = 1 << 12
	return &rowTable{keys: make([]uint64, size), rows: make([]int32, size), mask: size - 1}
}

// slot is where the probe for k starts (the hashes' high bits are mixed
// down, since nearby features can share their low bits).
func (t *rowTable) slot(k uint64) uint64 {
	return ((k ^ k>>29) * 0x9e3779b97f4a7c15 >> 20) & t.mask
}

// get returns k's row and whether k is in the table.
func (t *rowTable) get(k uint64) (int32, bool) {
	if k == 0 {
		return t.zeroRow, t.hasZero
	}
	for i := t.slot(k); ; i = (i + 1) & t.mask {
		switch t.keys[i] {
		case k:
			return t.rows[i], true
		case 0:
			return 0, false
		}
	}
}

// put sets k's row (adding k when it is new).
func (t *rowTable) put(k uint64, row int32) {
	if k == 0 {
		if !t.hasZero {
			t.n++
		}
		t.hasZero, t.zeroRow = true, row
		return
	}
	if 2*(t.n+1) > len(t.keys) {
		t.grow()
	}
	for i := t.slot(k); ; i = (i + 1) & t.mask {
		switch t.keys[i] {
		case k:
			t.rows[i] = row
			return
		case 0:
			t.keys[i], t.rows[i] = k, row
			t.n++
			return
		}
	}
}

func (t *rowTable) grow() {
	keys, rows := t.keys, t.rows
	t.keys = make([]uint64, 2*len(keys))
	t.rows = make([]int32, 2*len(keys))
	t.mask = uint64(len(t.keys) - 1)
	for i, k := range keys {
		if k == 0 {
			continue
		}
		j := t.slot(k)
		for t.keys[j] != 0 {
			j = (j + 1) & t.mask
		}
		t.keys[j], t.rows[j] = k, rows[i]
	}
}

// len is the number of keys.
func (t *rowTable) len() int { return t.n }

// each calls f for every key and its row, in no particular order.
func (t *rowTable) each(f func(k uint64, row int32)) {
	if t.hasZero {
		f(0, t.zeroRow)
	}
	for i, k := range t.keys {
		if k != 0 {
			f(k, t.rows[i])
		}
	}
}
