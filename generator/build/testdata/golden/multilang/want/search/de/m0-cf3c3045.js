(window.KBSearchData=window.KBSearchData||[]).push(["de/m0-cf3c3045.js",{"s":[""],"h":["b4d3b8f0"]}]);
