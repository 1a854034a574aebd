// Runs in a Chromium page: RTCPeerConnections that join a Janus AudioBridge room through
// Node, the way a member's browser joins through the signaling server. The page sends its
// offer and candidates with window.__stardustSignal(peerId, message) and gets the answer
// through peerHarness.applyAnswer. Plain JavaScript, because Playwright injects it as is.
(() => {
  const peers = new Map();
  let context;
  let microphone;

  function audioContext() {
    context ??= new AudioContext({ sampleRate: 48000 });

    return context;
  }

  async function makeTrack(source) {
    if (source === 'microphone') {
      // The fake device plays the speech fixture. The default constraints keep Chromium's
      // echo cancellation, noise suppression and gain control on, as for a real member.
      microphone ??= await navigator.mediaDevices.getUserMedia({ audio: true });

      return microphone.getAudioTracks()[0];
    }

    const ctx = audioContext();
    const destination = ctx.createMediaStreamDestination();

    // Silence is a tone at gain 0: a destination without any input sends no packets at all.
    const oscillator = ctx.createOscillator();
    const gain = ctx.createGain();

    oscillator.frequency.value = source === 'silence' ? 440 : source.frequency;
    gain.gain.value = source === 'silence' ? 0 : (source.gain ?? 0.5);
    oscillator.connect(gain).connect(destination);
    oscillator.start();

    return destination.stream.getAudioTracks()[0];
  }

  function listen(entry, track) {
    entry.remote.addTrack(track);
    track.addEventListener('unmute', () => {
      entry.timings.firstAudio ??= performance.now();
    });

    if (!track.muted) entry.timings.firstAudio ??= performance.now();

    // Chromium decodes and measures remote audio only while something plays it.
    entry.audio = new Audio();
    entry.audio.srcObject = entry.remote;
    void entry.audio.play().catch(() => {});

    if (entry.analyse) {
      const ctx = audioContext();

      entry.analyser = ctx.createAnalyser();
      entry.analyser.fftSize = 8192;
      entry.analyser.smoothingTimeConstant = 0;
      ctx.createMediaStreamSource(entry.remote).connect(entry.analyser);
    }
  }

  async function createPeer(peerId, options) {
    // The join starts here, before the track and the offer exist, as RoomSession.join does.
    const joinStarted = performance.now();
    const pc = new RTCPeerConnection({ iceServers: [] });
    const track = await makeTrack(options.source);
    const sender = pc.addTrack(track, new MediaStream([track]));
    const entry = {
      pc,
      sender,
      track,
      remote: new MediaStream(),
      analyse: options.analyse === true,
      analyser: undefined,
      audio: undefined,
      timings: { joinStarted },
      candidates: 0,
    };
    const queued = [];
    let offerSignaled = false;

    peers.set(peerId, entry);
    pc.addEventListener('track', (event) => listen(entry, event.track));
    pc.addEventListener('iceconnectionstatechange', () => {
      if (pc.iceConnectionState === 'connected' || pc.iceConnectionState === 'completed') {
        entry.timings.connected ??= performance.now();
      }
    });
    pc.addEventListener('icecandidate', (event) => {
      const message = { kind: 'candidate', candidate: event.candidate?.toJSON() ?? null };

      entry.candidates += 1;

      if (offerSignaled) void window.__stardustSignal(peerId, message);
      else queued.push(message);
    });

    const offer = await pc.createOffer();

    await pc.setLocalDescription(offer);

    // A listener sends nothing until it may speak; the negotiated sender stays, so speaking
    // later needs no renegotiation, only replaceTrack.
    if (options.listenOnly === true) await sender.replaceTrack(null);

    entry.timings.offerSent = performance.now();
    await window.__stardustSignal(peerId, {
      kind: 'offer',
      offer: { type: offer.type, sdp: offer.sdp },
    });
    offerSignaled = true;

    for (const message of queued.splice(0)) void window.__stardustSignal(peerId, message);
  }

  /** Starts an ICE restart and returns the new offer; its candidates trickle as before. */
  async function restartIce(peerId) {
    const { pc } = peers.get(peerId);
    const offer = await pc.createOffer({ iceRestart: true });

    await pc.setLocalDescription(offer);

    return { type: offer.type, sdp: offer.sdp };
  }

  async function applyAnswer(peerId, answer) {
    await peers.get(peerId).pc.setRemoteDescription(answer);
  }

  async function stats(peerId) {
    const entry = peers.get(peerId);
    const report = await entry.pc.getStats();
    const result = {
      iceState: entry.pc.iceConnectionState,
      connectionState: entry.pc.connectionState,
      bytesReceived: 0,
      packetsReceived: 0,
      audioLevel: 0,
      totalAudioEnergy: 0,
      bytesSent: 0,
      packetsSent: 0,
      candidates: entry.candidates,
      pair: undefined,
    };

    for (const stat of report.values()) {
      if (stat.type === 'inbound-rtp' && stat.kind === 'audio') {
        result.bytesReceived = stat.bytesReceived ?? 0;
        result.packetsReceived = stat.packetsReceived ?? 0;
        result.audioLevel = stat.audioLevel ?? 0;
        result.totalAudioEnergy = stat.totalAudioEnergy ?? 0;
      } else if (stat.type === 'outbound-rtp' && stat.kind === 'audio') {
        result.bytesSent = stat.bytesSent ?? 0;
        result.packetsSent = stat.packetsSent ?? 0;
      } else if (stat.type === 'candidate-pair' && stat.nominated && stat.state === 'succeeded') {
        const local = report.get(stat.localCandidateId);
        const remote = report.get(stat.remoteCandidateId);

        result.pair = `${local?.address}:${local?.port} -> ${remote?.address}:${remote?.port}`;
      }
    }

    return result;
  }

  /** Returns the received level per frequency in dBFS (the loudest bin within ±2 bins). */
  function spectrum(peerId, frequencies) {
    const { analyser } = peers.get(peerId);

    if (analyser === undefined) return { rms: 0, levels: frequencies.map(() => -Infinity) };

    const bins = new Float32Array(analyser.frequencyBinCount);
    const samples = new Float32Array(analyser.fftSize);
    const binHz = analyser.context.sampleRate / analyser.fftSize;

    analyser.getFloatFrequencyData(bins);
    analyser.getFloatTimeDomainData(samples);

    let sum = 0;

    for (const sample of samples) sum += sample * sample;

    const levels = frequencies.map((frequency) => {
      const center = Math.round(frequency / binHz);
      let loudest = -Infinity;

      for (let bin = center - 2; bin <= center + 2; bin += 1)
        loudest = Math.max(loudest, bins[bin]);

      return loudest;
    });

    return { rms: Math.sqrt(sum / samples.length), levels };
  }

  async function setSending(peerId, sending) {
    const entry = peers.get(peerId);

    await entry.sender.replaceTrack(sending ? entry.track : null);
  }

  function setTrackEnabled(peerId, enabled) {
    peers.get(peerId).track.enabled = enabled;
  }

  function timings(peerId) {
    return { ...peers.get(peerId).timings };
  }

  function closePeer(peerId) {
    const entry = peers.get(peerId);

    if (entry === undefined) return;

    entry.pc.close();
    entry.audio?.pause();
    peers.delete(peerId);
  }

  window.peerHarness = {
    createPeer,
    restartIce,
    applyAnswer,
    stats,
    spectrum,
    setSending,
    setTrackEnabled,
    timings,
    closePeer,
  };
})();
