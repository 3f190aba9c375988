#!/usr/bin/env python3
"""Write urgent_chime.wav: a two-tone chime, high then low, for urgent reports nobody claimed.

16-bit mono PCM at 22050 Hz, about 0.65 s. Each tone starts with a 5 ms rise, so that it does
not click, and decays exponentially like a struck bell. Run from any folder; the file is written
next to this script. Only the Python standard library is used.
"""

import math
import pathlib
import struct
import wave

RATE = 22050
PEAK = 0.6 * 32767  # below full scale, so that two overlapping tails never clip

# (frequency in Hz, start in s, length in s): E6 then C6, a falling major third.
TONES = [(1318.5, 0.0, 0.35), (1046.5, 0.22, 0.43)]


def sample(t):
    value = 0.0
    for frequency, start, length in TONES:
        local = t - start
        if 0.0 <= local < length:
            rise = min(1.0, local / 0.005)
            decay = math.exp(-local * 7.0)
            fade = min(1.0, (length - local) / 0.02)  # ends at zero, without a click
            value += rise * decay * fade * math.sin(2.0 * math.pi * frequency * local)
    return max(-1.0, min(1.0, value))


def main():
    length = max(start + duration for _, start, duration in TONES)
    frames = b"".join(
        struct.pack("<h", round(PEAK * sample(i / RATE))) for i in range(int(length * RATE)))
    path = pathlib.Path(__file__).with_name("urgent_chime.wav")
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(frames)


if __name__ == "__main__":
    main()
