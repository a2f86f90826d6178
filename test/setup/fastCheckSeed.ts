// Property tests in `npm test` are a gate that must give the same answer on every run: they
// use one fixed seed unless SHIPLENS_FC_SEED names another (a number, or `random`). Soak runs
// (SHIPLENS_SOAK) explore with a fresh seed each time; fast-check prints the seed of any
// counterexample so it can be replayed with SHIPLENS_FC_SEED.
import fc from 'fast-check';

const fixedSeed = 20261206;
const asked = process.env.SHIPLENS_FC_SEED;
const random = asked === 'random' || (asked === undefined && Boolean(process.env.SHIPLENS_SOAK));
if (!random) fc.configureGlobal({ seed: asked === undefined ? fixedSeed : Number(asked) });
