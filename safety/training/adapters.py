"""Low-rank adapters (LoRA) for MiniLM, trained with the prompt classifier on its training rows.

Frozen MiniLM embeddings left the classifier blind to much wording its rows did not use. Training a rank-8 update
beside every linear layer of MiniLM's six blocks (query, key, value, attention output, intermediate, output:
331,776 numbers at rank 8) with a linear head over the classifier's classes makes the encoder itself separate
intent; the classifier's logistic regression is then fitted on the tuned vectors. Screening merges the updates into
a copy of MiniLM's weights (safety.embeddings.Lora), so a prompt costs one more MiniLM pass.

An option, not the default: alone (MiniLM without e5) the tuned encoder separated held-out wording about 15 points
better at equal refusals, but in the whole screen (beside e5, with the rules and exemplars) it intercepted less of
the hand-written tuning rows and of holdout4 than the frozen one, fitted in sample or out of fold
(docs/benchmarks.md, "seventh pass"). `train_prompt_classifier --encoder minilm-lora+e5` trains it.

Training is seeded and runs on one thread: the same rows give the same adapters on the same machine.
"""

from __future__ import annotations

import copy
import time
from collections.abc import Callable
from typing import Any

import numpy as np

from safety.embeddings import Lora, mean_pooled

# The blocks' linear layers that get an update, as (holder path below the block, attribute).
TARGETS = (("attention.self", "query"), ("attention.self", "key"), ("attention.self", "value"),
           ("attention.output", "dense"), ("intermediate", "dense"), ("output", "dense"))


def with_lora(base: Any, rank: int, alpha: float) -> Any:
    """A copy of `base` (a BERT-style model) whose encoder blocks' linear layers each get a trainable low-rank
    update (A random, B zero: the copy starts equal to the base); every other parameter is frozen."""
    import torch
    from torch import nn

    class LoRALinear(nn.Module):
        def __init__(self, linear: nn.Linear, seed: int) -> None:
            super().__init__()
            self.base = linear
            generator = torch.Generator().manual_seed(seed)
            start = torch.randn(rank, linear.in_features, generator=generator)
            self.A = nn.Parameter(start / linear.in_features ** 0.5)
            self.B = nn.Parameter(torch.zeros(linear.out_features, rank))
            self.scale = alpha / rank

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            return self.base(x) + (x @ self.A.T @ self.B.T) * self.scale

    model = copy.deepcopy(base)
    for p in model.parameters():
        p.requires_grad_(False)
    seed = 0
    for layer in model.encoder.layer:
        for holder_path, name in TARGETS:
            holder = layer.get_submodule(holder_path)
            setattr(holder, name, LoRALinear(getattr(holder, name), seed))
            seed += 1
    return model


def extract(model: Any, rank: int, alpha: float) -> Lora:
    """The trained updates of a `with_lora` model, named by the layer they update in the plain model
    (`encoder.layer.0.attention.self.query.A` ...)."""
    weights = {name: p.detach().numpy().copy() for name, p in model.named_parameters() if p.requires_grad}
    return Lora(weights, alpha / rank)


def pooled(tokenizer: Any, model: Any, texts: list[str], max_length: int) -> Any:
    # The shared tokenizer is used without safety.embeddings' lock: training runs in a command or a script, never
    # beside screening in one process.
    batch = tokenizer(texts, padding=True, truncation=True, max_length=max_length, return_tensors="pt")
    return mean_pooled(model(**batch).last_hidden_state, batch["attention_mask"])


def train_lora(texts: list[str], labels: list[int], classes: int, *, epochs: float = 1.0, rank: int = 8,
               alpha: float = 16.0, lr: float = 1e-3, batch: int = 32, max_length: int = 64,
               progress: Callable[[str], None] | None = None) -> Lora:
    """Adapters for MiniLM trained with a linear head (cross-entropy over `classes`, on the pooled vectors scaled
    by 20, as cosine logits) by AdamW, warm-up over 50 steps (the first at 1/50 of `lr`: the sixth pass's script
    started at 0, so its figures are not reproduced to the bit) then linear decay; batches of similar length drawn
    from shuffled chunks (less padding). `texts` as screening gives MiniLM (normalised). Seeded (torch's global
    generator is forked, not reset), one thread."""
    import torch
    from torch import nn

    from safety.embeddings import _load

    if not texts or len(texts) != len(labels):
        raise ValueError("the adapters need training rows, one label each")
    tokenizer, base = _load()
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        with torch.random.fork_rng():
            torch.manual_seed(0)
            rng = np.random.default_rng(0)
            model = with_lora(base, rank, alpha)
            head = nn.Linear(384, classes)
            params = [p for p in model.parameters() if p.requires_grad] + list(head.parameters())
            optimiser = torch.optim.AdamW(params, lr=lr, weight_decay=0.01)
            steps = max(1, int(epochs * len(texts) / batch))
            schedule = torch.optim.lr_scheduler.LambdaLR(optimiser,
                                                         lambda s: min(1.0, (s + 1) / 50) * max(0.0, 1 - s / steps))
            target = torch.tensor(labels)
            lengths = np.array([len(t) for t in texts])
            model.train()
            started, step = time.perf_counter(), 0
            while step < steps:
                order = rng.permutation(len(texts))
                batches: list[np.ndarray] = []
                for chunk_start in range(0, len(order), batch * 50):
                    chunk = order[chunk_start:chunk_start + batch * 50]
                    chunk = chunk[np.argsort(lengths[chunk], kind="stable")]
                    batches += [chunk[i:i + batch] for i in range(0, len(chunk), batch)]
                for index in (batches[i] for i in rng.permutation(len(batches))):
                    vectors = pooled(tokenizer, model, [texts[i] for i in index], max_length) * 20.0
                    loss = nn.functional.cross_entropy(head(vectors), target[index])
                    optimiser.zero_grad()
                    loss.backward()
                    optimiser.step()
                    schedule.step()
                    step += 1
                    if progress is not None and step % 50 == 0:
                        progress(f"adapters: step {step}/{steps}, loss {loss.item():.3f}, "
                                 f"{time.perf_counter() - started:.0f} s")
                    if step >= steps:
                        break
            model.eval()
            return extract(model, rank, alpha)
    finally:
        torch.set_num_threads(threads)
