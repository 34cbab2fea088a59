"""Writes Albumentations 1.3.1's own to_dict of every serialisable transform (containers, FDA-style transforms that need
reference data and abstract bases aside): once with its defaults, then once per numeric parameter with that default
perturbed, kept where 1.3.1 both accepts the value and can apply the transform to a 96 x 96 RGB image with a mask.
Enumerations (border_mode, mode, interpolation) and colours are not perturbed.

    PYTHONPATH=<albumentations-1.3.1 source>:<qudida source> python3 make_albumentations_1_3_1_transforms.py \
        > albumentations-1.3.1-transforms.json

Part of augment4j's test data (Apache-2.0); the output is Albumentations 1.3.1's (MIT) serialisation of its own
defaults."""
import inspect, json, sys, warnings
warnings.filterwarnings("ignore")
import albumentations as A
from albumentations.core.serialization import SERIALIZABLE_REGISTRY

REQUIRED = {"height": 64, "width": 64, "min_max_height": (32, 48), "size": (64, 64), "px": 4, "x_max": 32, "y_max": 32,
            "max_size": 64, "min_height": 64, "min_width": 64}
SKIP = {"BaseCompose", "BasicTransform", "DualTransform", "ImageOnlyTransform", "_BaseRandomSizedCrop", "Compose", "OneOf",
        "SomeOf", "Sequential", "OneOrOther", "ReplayCompose", "PerChannel", "BboxParams", "KeypointParams", "Lambda",
        "FDA", "HistogramMatching", "PixelDistributionAdaptation", "TemplateTransform"}


def perturb(v):
    if isinstance(v, bool) or v is None:
        return None
    if isinstance(v, int):
        return v + 1
    if isinstance(v, float):
        return round(v * 0.75 + 0.01, 4) if v != 0 else 0.05
    if isinstance(v, (tuple, list)) and v and all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in v):
        if all(isinstance(x, int) for x in v):
            return type(v)(x + 1 if i == len(v) - 1 else x for i, x in enumerate(v))
        return type(v)(round(x * 0.8, 4) for x in v)
    return None


def runs(t):
    """Whether 1.3.1 can apply the transform (p forced) to a small RGB image with a mask."""
    import numpy as np
    rng = np.random.RandomState(0)
    img = rng.randint(0, 256, (96, 96, 3), dtype=np.uint8)
    mask = (img[..., 0] > 128).astype(np.uint8)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            A.Compose([t], p=1)(image=img, mask=mask)
        return True
    except Exception:
        return False


def to_dict(t):
    d = t.to_dict()
    return d.get("transform", d)


cases = []
for name, cls in sorted(SERIALIZABLE_REGISTRY.items()):
    short = name.split(".")[-1]
    if short in SKIP:
        continue
    sig = inspect.signature(cls.__init__)
    base = {}
    for pn, prm in sig.parameters.items():
        if pn != "self" and prm.default is inspect.Parameter.empty and pn in REQUIRED:
            base[pn] = REQUIRED[pn]
    if short == "CropAndPad":
        base["px"] = 4
    try:
        t = cls(**base)
    except Exception as e:
        print("skip", short, e, file=sys.stderr)
        continue
    defaults = to_dict(t)
    cases.append({"name": short, "variant": "defaults", "transform": defaults})
    for pn, prm in sig.parameters.items():
        if pn in ("self", "always_apply", "p", "border_mode", "mode", "interpolation", "src_color") or prm.kind in (prm.VAR_KEYWORD, prm.VAR_POSITIONAL):
            continue
        v = base.get(pn, prm.default)
        if v is inspect.Parameter.empty:
            continue
        nv = perturb(v)
        if nv is None:
            continue
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                t = cls(**{**base, pn: nv})
        except Exception:
            continue
        t.p = 1.0
        if not runs(t):
            continue
        t.p = defaults["p"]
        d = to_dict(t)
        if d != defaults:
            cases.append({"name": short, "variant": pn + "=" + json.dumps(nv, default=list), "transform": d})
json.dump({"__version__": A.__version__, "cases": cases}, sys.stdout, indent=1, default=list)
