package nlp

// Features of the linear models are 64-bit hashes of a template number and
// the strings or small numbers it combines ("the word two to the left is
// 'of'"). Hashing keeps the feature functions free of allocation and the
// model tables flat; at 64 bits collisions are too rare to matter.

const (
	hashOffset = 14695981039346656037
	hashPrime  = 1099511628211
)

// feat starts a feature hash for template t.
func feat(t uint16) uint64 {
	h := uint64(hashOffset)
	h = (h ^ uint64(t&0xff)) * hashPrime
	h = (h ^ uint64(t>>8)) * hashPrime
	return h
}

// str mixes a string into a feature hash, with a separator so that "ab"+"c"
// and "a"+"bc" differ.
func str(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * hashPrime
	}
	return (h ^ 0xff) * hashPrime
}

// num mixes a small number into a feature hash.
func num(h uint64, n int) uint64 {
	u := uint64(n)
	for i := 0; i < 4; i++ {
		h = (h ^ (u & 0xff)) * hashPrime
		u >>= 8
	}
	return h
}

// featureSet collects the features of one decision.
type featureSet []uint64

func (f *featureSet) add(h uint64) { *f = append(*f, h) }
