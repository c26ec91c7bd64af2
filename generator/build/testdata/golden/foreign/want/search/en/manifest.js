(window.KBSearchData=window.KBSearchData||[]).push(["en/manifest.js",{"v":1,"lang":"en","n":3,"s":[""],"h":["a40c29d5"],"r":"cab28ae2","p":[]}]);
