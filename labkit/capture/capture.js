// labkit capture widget (anywidget ESM).
//
// Microphone -> AudioWorklet -> low-pass + resample -> 16 kHz int16 chunks (chunk_ms);
// camera -> JPEG frames (frame_interval_ms). Every chunk/frame goes to the kernel as one custom
// message with a binary buffer, a sequence number and its capture time on the browser's epoch
// clock (ms); the kernel maps that to the engine clock with ping/pong round trips.
//
// Sequence numbers live in sessionStorage, so a reloaded page (after a lost connection) goes on
// counting from where it stopped and the engine sees the gap instead of a restart at 0.

const WORKLET = `
class LabkitTap extends AudioWorkletProcessor {
  constructor() { super(); this.buf = new Float32Array(1024); this.n = 0; }
  process(inputs) {
    const input = inputs[0];
    if (input && input.length) {
      const nch = input.length, len = input[0].length;
      for (let i = 0; i < len; i++) {
        let v = input[0][i];
        if (nch > 1) { for (let c = 1; c < nch; c++) v += input[c][i]; v /= nch; }
        this.buf[this.n++] = v;
        if (this.n === this.buf.length) {
          this.port.postMessage(this.buf, [this.buf.buffer]);
          this.buf = new Float32Array(1024); this.n = 0;
        }
      }
    }
    return true;
  }
}
registerProcessor("labkit-tap", LabkitTap);
`;

const nowMs = () => performance.timeOrigin + performance.now(); // browser epoch ms

// Windowed-sinc low-pass then linear interpolation: works for 48 k, 44.1 k, 32 k ... -> 16 k.
function makeResampler(inRate, outRate) {
  const step = inRate / outRate;
  if (step === 1) return (x) => Float32Array.from(x);
  const TAPS = 47, fc = (0.45 * outRate) / inRate, mid = (TAPS - 1) / 2;
  const h = new Float32Array(TAPS);
  let sum = 0;
  for (let i = 0; i < TAPS; i++) {
    const k = i - mid;
    const sinc = k === 0 ? 2 * fc : Math.sin(2 * Math.PI * fc * k) / (Math.PI * k);
    const w = 0.54 - 0.46 * Math.cos((2 * Math.PI * i) / (TAPS - 1)); // Hamming
    h[i] = sinc * w; sum += h[i];
  }
  for (let i = 0; i < TAPS; i++) h[i] /= sum;
  const hist = new Float32Array(TAPS); // ring buffer of recent input
  let hpos = 0, prev = 0, pos = 0; // pos: fractional position of the next output sample
  let cur = 0;
  return (x) => {
    const out = [];
    for (let i = 0; i < x.length; i++) {
      hist[hpos] = x[i]; hpos = (hpos + 1) % TAPS;
      let y = 0;
      for (let j = 0, p = hpos; j < TAPS; j++, p = (p + 1) % TAPS) y += h[j] * hist[p];
      prev = cur; cur = y;
      // output samples that fall between the previous and the current filtered input sample
      while (pos <= 1) { out.push(prev + (cur - prev) * pos); pos += step; }
      pos -= 1;
    }
    return out;
  };
}

const MESSAGES = {
  NotAllowedError: "Permission to use the {what} was denied. Allow it for this page (the camera/lock icon in the address bar), then click Start again.",
  SecurityError: "The browser blocked the {what}. Allow it for this page, then click Start again.",
  NotFoundError: "No {what} was found. Connect one (or pick another below), then click Start again.",
  OverconstrainedError: "The chosen device is not available any more. Pick another one below and click Start again.",
  NotReadableError: "The {what} is in use by another application or could not be opened. Close the other application, then click Start again.",
  AbortError: "The {what} could not be started. Click Start again.",
};

function explain(err, what) {
  const tpl = MESSAGES[err && err.name];
  if (tpl) return tpl.replace("{what}", what);
  return `Could not start capture: ${(err && err.name) || "Error"}: ${(err && err.message) || err}`;
}

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

class Capture {
  constructor(model, root) {
    this.model = model;
    this.root = root;
    this.running = false;
    this.stream = null;
    this.ctx = null;
    this.timers = [];
    this.lastPing = null;
    this.reloadAt = null;
    const key = model.get("resume_key") || model.get("role");
    this.storeKey = `labkit-capture:${key}`;
    let saved = {};
    try { saved = JSON.parse(sessionStorage.getItem(this.storeKey) || "{}"); } catch (e) { saved = {}; }
    this.aSeq = saved.aSeq || 0;
    this.vSeq = saved.vSeq || 0;
    this.build();
  }

  // ---------- DOM ----------
  build() {
    const m = this.model, r = this.root;
    r.classList.add("labkit-capture");
    const bar = el("div", "labkit-capture-bar");
    this.btn = el("button", "labkit-capture-btn", "Start capture");
    this.btn.type = "button";
    this.btn.onclick = () => (this.running ? this.stop("stopped") : this.start());
    this.micSel = el("select", "labkit-mic-select");
    this.camSel = el("select", "labkit-cam-select");
    this.micSel.title = "Microphone";
    this.camSel.title = "Camera";
    this.micSel.onchange = () => this.running && this.restart();
    this.camSel.onchange = () => this.running && this.restart();
    this.micSel.style.display = "none";
    this.camSel.style.display = "none";
    bar.append(this.btn, this.micSel, this.camSel);
    const meter = el("div", "labkit-capture-meter");
    this.meterFill = el("div", "labkit-capture-meter-fill");
    meter.append(this.meterFill);
    meter.title = "Microphone level";
    if (!m.get("audio")) meter.style.display = "none";
    this.statusEl = el("div", "labkit-capture-status", "Not capturing.");
    this.video = el("video", "labkit-capture-preview");
    this.video.muted = true;
    this.video.playsInline = true;
    this.video.autoplay = true;
    this.video.style.display = "none";
    r.append(bar, meter, this.statusEl, this.video);
  }

  setState(state, message) {
    this.statusEl.textContent = message;
    this.statusEl.dataset.state = state;
    this.root.dataset.state = state;
    this.model.set("state", state);
    this.model.set("message", message);
    this.model.save_changes();
  }

  what() {
    const a = this.model.get("audio"), v = this.model.get("video");
    return a && v ? "microphone or camera" : v ? "camera" : "microphone";
  }

  saveSeq() {
    try { sessionStorage.setItem(this.storeKey, JSON.stringify({ aSeq: this.aSeq, vSeq: this.vSeq })); }
    catch (e) { /* storage full or disabled: numbering restarts after a reload, nothing else */ }
  }

  // ---------- devices ----------
  async listDevices() {
    const devs = await navigator.mediaDevices.enumerateDevices();
    const fill = (sel, kind, label) => {
      const cur = sel.value;
      const list = devs.filter((d) => d.kind === kind);
      sel.replaceChildren(...list.map((d, i) => {
        const o = el("option", null, d.label || `${label} ${i + 1}`);
        o.value = d.deviceId;
        return o;
      }));
      if (cur && list.some((d) => d.deviceId === cur)) sel.value = cur;
      return list;
    };
    const mics = fill(this.micSel, "audioinput", "Microphone");
    const cams = fill(this.camSel, "videoinput", "Camera");
    this.micSel.style.display = this.model.get("audio") && mics.length ? "" : "none";
    this.camSel.style.display = this.model.get("video") && cams.length ? "" : "none";
    this.model.set("devices", devs.filter((d) => d.kind !== "audiooutput")
      .map((d) => ({ kind: d.kind, label: d.label, id: d.deviceId })));
    this.model.save_changes();
  }

  constraints() {
    const m = this.model;
    const audio = m.get("audio")
      ? { channelCount: 1, echoCancellation: m.get("audio_processing"),
          noiseSuppression: m.get("audio_processing"), autoGainControl: m.get("audio_processing"),
          ...(this.micSel.value ? { deviceId: { exact: this.micSel.value } } : {}) }
      : false;
    const video = m.get("video")
      ? { width: { ideal: m.get("frame_width") }, height: { ideal: m.get("frame_height") },
          frameRate: { ideal: 15 },
          ...(this.camSel.value ? { deviceId: { exact: this.camSel.value } } : {}) }
      : false;
    return { audio, video };
  }

  // ---------- start / stop ----------
  async start() {
    if (this.running) return;
    if (!this.model.get("audio") && !this.model.get("video")) {
      this.setState("error", "Nothing to capture: neither microphone nor camera is enabled.");
      return;
    }
    if (!window.isSecureContext || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      this.setState("error", "This page is not a secure context, so the browser hides the " +
        "microphone and camera. Open the lab's https:// link (or http://localhost).");
      return;
    }
    this.btn.disabled = true;
    this.setState("starting", `Asking for the ${this.what()}...`);
    try {
      this.stream = await navigator.mediaDevices.getUserMedia(this.constraints());
    } catch (err) {
      this.btn.disabled = false;
      this.setState("error", explain(err, this.what()));
      this.model.send({ kind: "error", name: (err && err.name) || "Error", error: String(err) });
      try { await this.listDevices(); } catch (e) { /* ignore */ }
      return;
    }
    try {
      await this.listDevices();
      this.running = true;
      if (this.model.get("audio")) await this.startAudio();
      if (this.model.get("video")) await this.startVideo();
      this.btn.textContent = "Stop capture";
      this.btn.disabled = false;
      const parts = [this.model.get("audio") && "microphone", this.model.get("video") && "camera"]
        .filter(Boolean).join(" + ");
      this.setState("capturing", `Capturing ${parts}.`);
      this.model.send({ kind: "started", sr: this.ctx ? this.ctx.sampleRate : null });
    } catch (err) {
      this.stop("error");
      this.btn.disabled = false;
      this.setState("error", explain(err, this.what()));
      this.model.send({ kind: "error", name: (err && err.name) || "Error", error: String(err) });
    }
  }

  stop(state) {
    this.running = false;
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    if (this.stream) this.stream.getTracks().forEach((t) => t.stop());
    this.stream = null;
    if (this.ctx) this.ctx.close().catch(() => {});
    this.ctx = null;
    this.video.srcObject = null;
    this.video.style.display = "none";
    this.meterFill.style.width = "0%";
    this.btn.textContent = "Start capture";
    if (state === "stopped") {
      this.setState("stopped", "Capture stopped.");
      this.model.send({ kind: "stopped" });
    }
  }

  async restart() {
    this.stop("restart");
    await this.start();
  }

  // ---------- audio ----------
  async startAudio() {
    const OUT_SR = 16000;
    const CHUNK = Math.round((OUT_SR * this.model.get("chunk_ms")) / 1000);
    const ctx = new AudioContext(); // native rate: resampling ourselves works in every browser
    this.ctx = ctx;
    const url = URL.createObjectURL(new Blob([WORKLET], { type: "application/javascript" }));
    await ctx.audioWorklet.addModule(url);
    URL.revokeObjectURL(url);
    if (ctx.state === "suspended") await ctx.resume();
    const src = ctx.createMediaStreamSource(this.stream);
    const tap = new AudioWorkletNode(ctx, "labkit-tap");
    const mute = ctx.createGain();
    mute.gain.value = 0;
    src.connect(tap); tap.connect(mute); mute.connect(ctx.destination); // keeps the graph pulled
    const rs = makeResampler(ctx.sampleRate, OUT_SR);
    const role = this.model.get("role");
    let pending = [], anchor = null, inFrames = 0, sent = 0, peak = 0;
    tap.port.onmessage = (ev) => {
      if (!this.running) return;
      const pcm = ev.data;
      // A block arrives only after its last sample was captured, so the lower envelope of
      // (arrival - samples so far / rate) estimates when the stream's first sample was captured.
      inFrames += pcm.length;
      const cand = nowMs() - (inFrames / ctx.sampleRate) * 1000;
      anchor = anchor === null ? cand : Math.min(anchor, cand);
      let ss = 0;
      for (let i = 0; i < pcm.length; i++) ss += pcm[i] * pcm[i];
      const rms = Math.sqrt(ss / pcm.length);
      peak = Math.max(rms, peak * 0.85);
      const db = 20 * Math.log10(Math.max(peak, 1e-5)); // -100..0 dBFS -> 0..100 %
      this.meterFill.style.width = `${Math.max(0, Math.min(100, (db + 60) * (100 / 60)))}%`;
      for (const v of rs(pcm)) pending.push(v);
      while (pending.length >= CHUNK) {
        const chunk = pending.splice(0, CHUNK);
        const i16 = new Int16Array(CHUNK);
        for (let i = 0; i < CHUNK; i++) i16[i] = Math.max(-1, Math.min(1, chunk[i])) * 0x7fff;
        this.model.send({ kind: "audio", role, seq: this.aSeq++, sr: OUT_SR, n: CHUNK,
                          sample0: sent, t_capture_ms: anchor + (sent / OUT_SR) * 1000,
                          t_send_ms: nowMs() }, undefined, [i16.buffer]);
        sent += CHUNK;
        this.saveSeq();
      }
    };
  }

  // ---------- video ----------
  async startVideo() {
    const m = this.model;
    const v = this.video;
    v.srcObject = this.stream;
    if (m.get("preview")) v.style.display = "";
    await v.play();
    let lastMeta = null;
    if (v.requestVideoFrameCallback) {
      const onFrame = (_now, meta) => {
        lastMeta = meta;
        if (this.running && v.srcObject) v.requestVideoFrameCallback(onFrame);
      };
      v.requestVideoFrameCallback(onFrame);
    }
    const canvas = document.createElement("canvas");
    canvas.width = m.get("frame_width");
    canvas.height = m.get("frame_height");
    const g = canvas.getContext("2d");
    const role = m.get("role");
    const quality = m.get("jpeg_quality");
    let busy = false;
    const grab = () => {
      if (!this.running || busy || v.readyState < 2) return;
      busy = true;
      g.drawImage(v, 0, 0, canvas.width, canvas.height);
      // camera capture time of the frame on screen, else the time it was drawn
      const t_capture_ms = lastMeta && lastMeta.captureTime
        ? performance.timeOrigin + lastMeta.captureTime : nowMs();
      canvas.toBlob(async (blob) => {
        try {
          if (blob && this.running) {
            const buf = await blob.arrayBuffer();
            m.send({ kind: "frame", role, seq: this.vSeq++, w: canvas.width, h: canvas.height,
                     t_capture_ms, t_send_ms: nowMs() }, undefined, [buf]);
            this.saveSeq();
          }
        } finally { busy = false; }
      }, "image/jpeg", quality);
    };
    this.timers.push(setInterval(grab, m.get("frame_interval_ms")));
  }

  // ---------- kernel messages, connection watchdog ----------
  onMessage(msg) {
    if (!msg || typeof msg !== "object") return;
    if (msg.kind === "ping") {
      this.model.send({ kind: "pong", id: msg.id, t_client_ms: nowMs() });
      this.lastPing = Date.now();
      if (this.root.dataset.state === "reconnecting") {
        this.setState(this.running ? "capturing" : "idle",
          this.running ? "Reconnected; capturing." : "Reconnected.");
      }
    } else if (msg.kind === "command") {
      if (msg.action === "start") this.start();
      else if (msg.action === "stop" && this.running) this.stop("stopped");
    }
  }

  watchdog() {
    // Pings come every second while the kernel is reachable. Messages sent meanwhile are
    // queued by the page's kernel connection and delivered when it reconnects.
    if (this.lastPing === null) return; // kernel never pinged (e.g. plain JupyterLab tests)
    const quiet = (Date.now() - this.lastPing) / 1000;
    if (quiet > 5 && this.root.dataset.state !== "reconnecting") {
      this.setStateLocal("reconnecting", "Connection to the lab lost; reconnecting...");
    }
    const after = this.model.get("reload_after_s");
    if (after > 0 && quiet > after && !this.reloading) {
      // the kernel is gone: reload the page once the server answers again (page-level retry)
      this.reloading = true;
      const probe = () => fetch(location.href, { method: "HEAD", cache: "no-store" })
        .then((r) => (r.ok ? location.reload() : setTimeout(probe, 5000)))
        .catch(() => setTimeout(probe, 5000));
      probe();
    }
  }

  setStateLocal(state, message) {
    // no model.save_changes(): the kernel cannot hear us now
    this.statusEl.textContent = message;
    this.statusEl.dataset.state = state;
    this.root.dataset.state = state;
  }
}

export default {
  render({ model, el: root }) {
    const cap = new Capture(model, root);
    const onMsg = (msg) => cap.onMessage(msg);
    model.on("msg:custom", onMsg);
    const dog = setInterval(() => cap.watchdog(), 1000);
    model.send({ kind: "hello", t_client_ms: nowMs() }); // asks the kernel for a ping burst
    if (model.get("autostart")) cap.start();
    return () => {
      clearInterval(dog);
      model.off("msg:custom", onMsg);
      cap.stop("unmount");
    };
  },
};
