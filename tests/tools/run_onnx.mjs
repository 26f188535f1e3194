// Runs an ONNX model in onnxruntime-web (its WebAssembly backend, under node) and writes what it
// computes: the independent runtime of QuantBench's ONNX export tests (tst_onnxexport).
//
//   node run_onnx.mjs --ort DIR --model FILE --input FILE [--shape D0,D1,...] [--limit N]
//                     [--batch N] --logits FILE [--classes FILE]
//
// --ort     the folder that holds node_modules/onnxruntime-web (scripts/setup.sh installs it in
//           <source dir>/third_party/onnxruntime-web); nothing is downloaded.
// --input   raw float32 values (little endian) of shape --shape, whose first dimension may be -1
//           (taken from the file size); or an IDX file of unsigned bytes (MNIST format, optionally
//           gzipped), whose images become float32 [N, 1, H, W] holding the stored pixel values 0..255.
// --logits  receives the model's first output as float32 (little endian), row-major [N, classes].
// --classes receives the index of the largest logit of each sample (the first on ties) as int32.
// Prints one JSON line: samples, classes, seconds, the input and output names, the ORT version.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';

function fail(message) {
  process.stderr.write(`run_onnx: ${message}\n`);
  process.exit(2);
}

function parseArgs(argv) {
  const args = { batch: 1000, limit: 0 };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i];
    const value = argv[i + 1];
    if (!key.startsWith('--') || value === undefined)
      fail(`bad argument ${key}`);
    args[key.slice(2)] = value;
  }
  for (const required of ['ort', 'model', 'input', 'logits'])
    if (!args[required])
      fail(`--${required} is required`);
  args.batch = Number(args.batch);
  args.limit = Number(args.limit);
  return args;
}

/// The input as { data: Float32Array, dims: [N, ...] }.
function readInput(file, shapeText) {
  let bytes = readFileSync(file);
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b)
    bytes = gunzipSync(bytes);
  // IDX: two zero bytes, type 0x08 (unsigned byte), the number of dimensions, then big-endian sizes.
  if (!shapeText && bytes.length >= 4 && bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0x08) {
    const rank = bytes[3];
    const sizes = [];
    for (let d = 0; d < rank; ++d)
      sizes.push(bytes.readUInt32BE(4 + 4 * d));
    const offset = 4 + 4 * rank;
    const count = sizes.reduce((a, b) => a * b, 1);
    if (bytes.length < offset + count)
      fail(`${file}: IDX file shorter than its header says`);
    const data = new Float32Array(count);
    for (let i = 0; i < count; ++i)
      data[i] = bytes[offset + i];
    const dims = rank === 3 ? [sizes[0], 1, sizes[1], sizes[2]] : sizes;
    return { data, dims };
  }
  if (!shapeText)
    fail(`${file}: raw float32 input needs --shape`);
  if (bytes.length % 4 !== 0)
    fail(`${file}: ${bytes.length} bytes is not a whole number of float32 values`);
  const data = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
  const dims = shapeText.split(',').map(Number);
  const known = dims.filter((d) => d >= 0).reduce((a, b) => a * b, 1);
  const free = dims.indexOf(-1);
  if (free >= 0)
    dims[free] = data.length / known;
  if (dims.reduce((a, b) => a * b, 1) !== data.length || !Number.isInteger(dims[0]))
    fail(`${file}: ${data.length} values do not fit the shape ${shapeText}`);
  return { data, dims };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const moduleDir = path.join(path.resolve(args.ort), 'node_modules', 'onnxruntime-web');
  let ort;
  try {
    // The package's "node" entry (dist/ort.node.min.js): the WebAssembly backend, wasm files read
    // from the package's own dist folder.
    ort = createRequire(path.join(path.resolve(args.ort), 'node_modules') + path.sep)('onnxruntime-web');
  } catch (e) {
    fail(`cannot load onnxruntime-web from ${moduleDir}: ${e.message}`);
  }
  // One thread: no worker threads to start, and the machine's cores are shared.
  ort.env.wasm.numThreads = 1;
  ort.env.logLevel = 'error';

  const input = readInput(args.input, args.shape);
  let samples = input.dims[0];
  if (args.limit > 0 && args.limit < samples)
    samples = args.limit;
  const perSample = input.dims.slice(1).reduce((a, b) => a * b, 1);

  const session = await ort.InferenceSession.create(readFileSync(args.model), {
    executionProviders: ['wasm'],
    graphOptimizationLevel: 'all',
  });
  const inputName = session.inputNames[0];
  const outputName = session.outputNames[0];

  const started = process.hrtime.bigint();
  let logits = null;
  let classes = 0;
  for (let begin = 0; begin < samples; begin += args.batch) {
    const n = Math.min(args.batch, samples - begin);
    const slice = input.data.subarray(begin * perSample, (begin + n) * perSample);
    const feeds = { [inputName]: new ort.Tensor('float32', slice, [n, ...input.dims.slice(1)]) };
    const results = await session.run(feeds);
    const out = results[outputName];
    if (out.type !== 'float32' || out.dims.length !== 2 || out.dims[0] !== n)
      fail(`output ${outputName} has type ${out.type} and shape [${out.dims}], expected float32 [${n}, classes]`);
    if (logits === null) {
      classes = out.dims[1];
      logits = new Float32Array(samples * classes);
    }
    logits.set(out.data, begin * classes);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;

  writeFileSync(args.logits, Buffer.from(logits.buffer, logits.byteOffset, logits.byteLength));
  if (args.classes) {
    const predicted = new Int32Array(samples);
    for (let i = 0; i < samples; ++i) {
      let best = 0;
      for (let c = 1; c < classes; ++c)
        if (logits[i * classes + c] > logits[i * classes + best])
          best = c;
      predicted[i] = best;
    }
    writeFileSync(args.classes, Buffer.from(predicted.buffer));
  }
  process.stdout.write(JSON.stringify({
    samples, classes, seconds, input: inputName, output: outputName, ort: ort.env.versions.web,
  }) + '\n');
}

main().catch((e) => fail(e && e.stack ? e.stack : String(e)));
