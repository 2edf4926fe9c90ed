package nlp

import "testing"

// BenchmarkEntitiesAndReferences runs the entity and reference stages on
// all of GUM's test documents (their own tags and trees) and reports
// tokens per second.
func BenchmarkEntitiesAndReferences(b *testing.B) {
	em, err := DefaultEntityModel()
	if err != nil {
		b.Fatal(err)
	}
	rm, err := DefaultReferenceModel()
	if err != nil {
		b.Fatal(err)
	}
	docs := readGUMSplit(b, "test")
	tokens := 0
	for _, gd := range docs {
		for _, s := range gd.Doc.Sentences {
			tokens += len(s.Tokens)
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, gd := range docs {
			d := *gd.Doc
			d.Mentions, d.Chains = nil, nil
			em.Entities(&d)
			rm.References(&d)
		}
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkLoadEntityAndReferenceModels reads both model files.
func BenchmarkLoadEntityAndReferenceModels(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := LoadEntityModel(entityModelFile); err != nil {
			b.Fatal(err)
		}
		if _, err := LoadReferenceModel(referenceModelFile); err != nil {
			b.Fatal(err)
		}
	}
}
