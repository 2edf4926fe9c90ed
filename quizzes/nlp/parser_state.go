package nlp

// The parser is arc-hybrid (Kuhlmann et al. 2011): a stack, a buffer and
// three moves. SHIFT pushes the front of the buffer; LEFT pops the top of
// the stack and makes it a dependent of the buffer front; RIGHT pops it and
// makes it a dependent of the word under it. A virtual root sits at the
// end of the buffer (index n), and LEFT onto it is allowed only when one
// word is left on the stack, so every tree has exactly one root.

const (
	moveShift = iota
	moveLeft
	moveRight
	numMoves
)

// parseState is a parser configuration over n words (plus the root at n).
type parseState struct {
	n     int
	stack []int
	b     int // front of the buffer; the buffer is b..n
	head  []int
	rel   []int // label index, -1 before the word has a head
	// Children seen so far: leftmost, second leftmost, rightmost and second
	// rightmost (-1 for none), counts and label sets.
	l1, l2, r1, r2 []int
	nl, nr         []int
	lset, rset     []uint64
}

func newParseState(n int) *parseState {
	s := &parseState{n: n, stack: make([]int, 0, n)}
	ints := make([]int, 8*(n+1))
	s.head, s.rel = ints[0:n+1], ints[n+1:2*(n+1)]
	s.l1, s.l2, s.r1, s.r2 = ints[2*(n+1):3*(n+1)], ints[3*(n+1):4*(n+1)], ints[4*(n+1):5*(n+1)], ints[5*(n+1):6*(n+1)]
	s.nl, s.nr = ints[6*(n+1):7*(n+1)], ints[7*(n+1):8*(n+1)]
	for i := 0; i <= n; i++ {
		s.head[i], s.rel[i], s.l1[i], s.l2[i], s.r1[i], s.r2[i] = -1, -1, -1, -1, -1, -1
	}
	s.lset, s.rset = make([]uint64, n+1), make([]uint64, n+1)
	return s
}

func (s *parseState) done() bool { return len(s.stack) == 0 && s.b == s.n }

// stackAt is the i-th word from the top of the stack, -1 past its bottom.
func (s *parseState) stackAt(i int) int {
	if i < len(s.stack) {
		return s.stack[len(s.stack)-1-i]
	}
	return -1
}

// bufferAt is the i-th word of the buffer, -1 past the root.
func (s *parseState) bufferAt(i int) int {
	if s.b+i <= s.n {
		return s.b + i
	}
	return -1
}

// valid says which moves the configuration allows.
func (s *parseState) valid(out *[numMoves]bool) {
	out[moveShift] = s.b < s.n
	out[moveRight] = len(s.stack) >= 2
	out[moveLeft] = len(s.stack) >= 1 && (s.b < s.n || len(s.stack) == 1)
}

// apply makes a move; label is the relation of the arc a LEFT or RIGHT
// makes.
func (s *parseState) apply(move, label int) {
	switch move {
	case moveShift:
		s.stack = append(s.stack, s.b)
		s.b++
	case moveLeft:
		d := s.stack[len(s.stack)-1]
		s.stack = s.stack[:len(s.stack)-1]
		s.attach(s.b, d, label)
	case moveRight:
		d := s.stack[len(s.stack)-1]
		s.stack = s.stack[:len(s.stack)-1]
		s.attach(s.stack[len(s.stack)-1], d, label)
	}
}

// arcOf is the head a LEFT or RIGHT would give the top of the stack.
func (s *parseState) arcOf(move int) (head, dep int) {
	dep = s.stack[len(s.stack)-1]
	if move == moveLeft {
		return s.b, dep
	}
	return s.stack[len(s.stack)-2], dep
}

func (s *parseState) attach(h, d, label int) {
	s.head[d], s.rel[d] = h, label
	bit := uint64(1) << min(label, 63)
	if d < h {
		s.nl[h]++
		s.lset[h] |= bit
		if s.l1[h] < 0 || d < s.l1[h] {
			s.l2[h], s.l1[h] = s.l1[h], d
		} else if s.l2[h] < 0 || d < s.l2[h] {
			s.l2[h] = d
		}
	} else {
		s.nr[h]++
		s.rset[h] |= bit
		if s.r1[h] < 0 || d > s.r1[h] {
			s.r2[h], s.r1[h] = s.r1[h], d
		} else if s.r2[h] < 0 || d > s.r2[h] {
			s.r2[h] = d
		}
	}
}
