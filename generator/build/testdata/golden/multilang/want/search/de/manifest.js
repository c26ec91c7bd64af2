(window.KBSearchData=window.KBSearchData||[]).push(["de/manifest.js",{"v":1,"lang":"de","n":1,"s":[""],"h":["b4d3b8f0"],"r":"3b3d92e5","p":[["Windows Messenger","messenger","d10f1bd2"]]}]);
