(window.KBSearchData=window.KBSearchData||[]).push(["en/manifest.js",{"v":1,"lang":"en","n":3,"s":[""],"h":["6bd30671"],"r":"be9b7649","p":[]}]);
