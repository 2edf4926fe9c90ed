package nlp

import (
	_ "embed"
	"sync"
)

// The reference model shipped in the binary, built by `go run
// ./cmd/nlptrain` from GUM's training documents (see
// DefaultReferenceTraining).
//
//go:embed models/references.model
var referenceModelFile []byte

// ReferenceModelFile is where the shipped reference model lives, relative
// to the repository root.
const ReferenceModelFile = "quizzes/nlp/models/references.model"

var loadReferences = sync.OnceValues(func() (*ReferenceModel, error) {
	return LoadReferenceModel(referenceModelFile)
})

// DefaultReferenceModel returns the shipped reference model, read once.
func DefaultReferenceModel() (*ReferenceModel, error) { return loadReferences() }

// DefaultReferenceTraining is how the shipped reference model is trained:
// GUM's train split, over the mentions of the given entity model file,
// the passes chosen on GUM's dev split, a fixed seed.
func DefaultReferenceTraining(dir string, entities []byte) ReferenceTraining {
	return ReferenceTraining{
		Train:      TreebankPath(dir, "gum", "train"),
		Dev:        TreebankPath(dir, "gum", "dev"),
		Entities:   entities,
		Iterations: 5,
		Seed:       1,
	}
}
