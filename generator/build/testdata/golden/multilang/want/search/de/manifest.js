(window.KBSearchData=window.KBSearchData||[]).push(["de/manifest.js",{"v":1,"lang":"de","n":1,"s":[""],"h":["20d27a96"],"r":"3b3d92e5","p":[["Windows Messenger","messenger","d10f1bd2"]]}]);
